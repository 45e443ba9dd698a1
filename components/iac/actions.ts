'use server';

import { z } from 'zod';
import { ActionError, defineAction } from '@/lib/auth/action';
import { compareExport, namedArns, parseExport } from '@/lib/iac/compare';
import { consoleAccount } from '@/lib/ivs/account';
import { MAX_EXPORT_CHANNELS } from '@/lib/iac/schema';
import { readInventory } from '@/lib/ivs/inventory';

/** An export file's size at most: 500 resources of a few hundred bytes each, with room to spare. */
const MAX_FILE_BYTES = 1_000_000;

/**
 * Compares an exported CloudFormation or Terraform file with the account now (drift): resource by
 * resource, property by property. Reads only; nothing secret goes either way, so viewers may.
 */
export const compareExportAction = defineAction({
  name: 'iac.compare',
  role: 'viewer',
  input: z.object({ text: z.string().min(1, 'Paste or choose an exported file.').max(MAX_FILE_BYTES, 'The file is larger than 1 MB.') }),
  run: async ({ input, region }) => {
    const parsed = await parseExport(input.text).catch((error: Error) => {
      throw new ActionError(error.message, 'ValidationError');
    });
    const { channels, others } = namedArns(parsed);
    if (!parsed.resources.size)
      throw new ActionError('The file names no IVS resource to compare (no import list or import blocks).', 'ValidationError');
    if (channels.length > MAX_EXPORT_CHANNELS)
      throw new ActionError(`At most ${MAX_EXPORT_CHANNELS} channels per compare.`, 'ValidationError');
    // The file's ARNs are checked as an action's are: this region and this account only.
    const account = await consoleAccount();
    const arns = [...parsed.resources.keys()];
    const otherRegion = arns.find((arn) => arn.split(':')[3] !== region);
    if (otherRegion)
      throw new ActionError(`The file describes ${otherRegion.split(':')[3]}; switch the region to it to compare.`, 'ValidationError');
    const otherAccount = account && arns.find((arn) => arn.split(':')[4] !== account);
    if (otherAccount)
      throw new ActionError(
        `The file describes AWS account ${otherAccount.split(':')[4]}, not this console's (${account}).`,
        'ValidationError',
      );
    const differences = await compareExport(parsed, await readInventory(region, channels, others));
    return { format: parsed.format, resources: parsed.resources.size, differences };
  },
});
