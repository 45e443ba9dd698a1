/** About the height the charts take when the channel is live (a short line when offline), so little moves as they arrive. */
export const healthPlaceholderClass = (live: boolean) => (live ? 'h-[36rem]' : 'h-10');
