// The few constants the page's first-load part of the stream-health section needs (the section itself
// loads after the page): the window choices and the placeholder's height.

/** The choices the page offers (the route takes any 5 to 180 minutes); kept in the URL as ?health=. */
export const RANGES = [5, 15, 30, 60, 180] as const;
export const DEFAULT_RANGE = 30;
export const RANGE_PARAM = 'health';

export const rangeFrom = (param: string | null): number => {
  const m = Number(param);
  return (RANGES as readonly number[]).includes(m) ? m : DEFAULT_RANGE;
};

/** About the height the charts take when the channel is live (a short line when offline), so little moves as they arrive. */
export const healthPlaceholderClass = (live: boolean) => (live ? 'h-[36rem]' : 'h-10');
