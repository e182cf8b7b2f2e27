import { z } from 'zod';
import { aliasesIn, languagesOf, nameIn } from '../../models/languages';
import type { NodeRecord } from '../../models/records';
import { langArg, parseArgs } from '../parse-args';

const labelArgs = z.object({ lang: langArg });

/**
 * The fields of a node's labels in other languages, shared by Role, Skill,
 * SkillGroup and OccupationGroup: `name(lang:)` falls back to the English name when
 * the node has none in that language (`languages` tells), `aliases(lang:)` does not.
 */
export const labelFields = {
  name: (node: NodeRecord, args: unknown) => nameIn(node, parseArgs(labelArgs, args).lang),
  aliases: (node: NodeRecord, args: unknown) => aliasesIn(node, parseArgs(labelArgs, args).lang),
  languages: (node: NodeRecord) => languagesOf(node),
};
