import fs from 'node:fs';
import path from 'node:path';
import { ImportFileError } from '../delimited';

/**
 * The files of an ESCO CSV download the import reads, by the name ESCO gives them
 * without its language suffix. Label files always carry `_en`; the relation files
 * carry it from v1.2 on, and in v1.1.x sit without it in a second,
 * language-independent folder.
 */
export const ESCO_FILES = {
  iscoGroups: 'ISCOGroups',
  occupations: 'occupations',
  skills: 'skills',
  occupationSkillRelations: 'occupationSkillRelations',
  skillSkillRelations: 'skillSkillRelations',
  broaderRelationsOccPillar: 'broaderRelationsOccPillar',
  skillsHierarchy: 'skillsHierarchy',
  skillGroups: 'skillGroups',
  broaderRelationsSkillPillar: 'broaderRelationsSkillPillar',
} as const;

export type EscoFile = keyof typeof ESCO_FILES;

/** Where each file of the download is, and the version the folder names tell (null when none does). */
export interface EscoFiles {
  paths: Readonly<Record<EscoFile, string>>;
  release: string | null;
}

/** The folders holding CSV files: each one given, or, for a folder of folders (the two folders' parent), its subfolders. */
function csvFolders(dirs: readonly string[]): string[] {
  return dirs.flatMap((dir) => {
    if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new ImportFileError(`${dir}: no such folder`);
    const entries = fs.readdirSync(dir, { withFileTypes: true });
    if (entries.some((entry) => entry.isFile() && entry.name.endsWith('.csv'))) return [dir];
    return entries.filter((entry) => entry.isDirectory()).map((entry) => path.join(dir, entry.name)).sort();
  });
}

/**
 * Finds every file the import reads in the folders given: both folders of a v1.1.x
 * download (the English one and the language-independent one), their common parent,
 * or the one folder of a v1.2.x download. Each file is looked for as `<name>_en.csv`,
 * then `<name>.csv`. Throws one ImportFileError naming every file missing, before
 * anything is read.
 */
export function locateEscoFiles(dirs: readonly string[]): EscoFiles {
  const folders = csvFolders(dirs);
  const paths: Partial<Record<EscoFile, string>> = {};
  const missing: string[] = [];
  for (const [file, name] of Object.entries(ESCO_FILES) as [EscoFile, string][]) {
    const found = folders.flatMap((folder) => [`${name}_en.csv`, `${name}.csv`].map((candidate) => path.join(folder, candidate))).find((candidate) => fs.existsSync(candidate));
    if (found) paths[file] = found;
    else missing.push(`${name}_en.csv (or ${name}.csv)`);
  }
  if (missing.length > 0) {
    throw new ImportFileError(
      `the ESCO download lacks ${missing.join(', ')} in ${folders.map((folder) => `"${folder}"`).join(', ') || 'the folders given'}; ` +
        'v1.1.x ships its relation files in a second folder ("... classification -  - csv"): pass both folders, or the folder holding them. Nothing was imported',
    );
  }
  const release = folders.map((folder) => /v(\d+\.\d+(?:\.\d+)?)/.exec(path.basename(folder))?.[1]).find(Boolean) ?? null;
  return { paths: paths as Record<EscoFile, string>, release };
}
