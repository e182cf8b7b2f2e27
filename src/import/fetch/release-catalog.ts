/**
 * Where each publisher ships each release: the one table the import command reads
 * to fetch a release named on the command line (`onet 29.0`, `bls-oews M2024`). A
 * row maps the release names its pattern matches to the file(s) to download; its
 * pins are the SHA-256 of files the release must hold (the download itself, or a
 * file inside its archive, by name), taken from the copies of the published files
 * the project's tests read (../shared/realdata), not from the publishers' servers.
 * docs/importing.md shows this table.
 */

/** The importers the command can fetch for; `crosswalk-isco-soc` is ready for its importer. */
export type FetchTaxonomy = 'onet' | 'esco' | 'bls-oews' | 'bls-projections' | 'crosswalk-esco-onet' | 'crosswalk-isco-soc';

export interface ReleaseFile {
  /** The publisher's address. */
  url: string;
  /** The file's name in the cache. */
  name: string;
}

export interface CatalogRow {
  taxonomy: FetchTaxonomy;
  /** The release names this row serves, e.g. /^\d+\.\d+$/ for O*NET. */
  releases: RegExp;
  /** A release name to show in messages. */
  example: string;
  /** The files of a release, from its name; none when the publisher has no stable address. */
  files(release: string): ReleaseFile[];
  /** Where a person gets a release by hand. */
  page: string;
  /** Pinned SHA-256 by release name, then by file name. */
  pins: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** Whether the importer cites the release name given (else it reads the release from the file). */
  citesRelease: boolean;
  /** The table to import from an archive holding several files (BLS's zip). */
  member?: RegExp;
  /** Said when a release cannot be fetched by name. */
  note?: string;
}

export const RELEASE_CATALOG: readonly CatalogRow[] = [
  {
    taxonomy: 'onet',
    releases: /^(\d+)\.(\d+)$/,
    example: '29.0',
    files: (release) => {
      const [major, minor] = release.split('.');
      return [{ url: `https://www.onetcenter.org/dl_files/database/db_${major}_${minor}_text.zip`, name: `db_${major}_${minor}_text.zip` }];
    },
    page: 'https://www.onetcenter.org/db_releases.html',
    pins: { '29.0': { 'Occupation Data.txt': '164236c5e0f1d16bfbafe017a16f20a993948cc4b1534d1da631652c81708f0f' } },
    citesRelease: true,
  },
  {
    taxonomy: 'esco',
    releases: /^v?\d+\.\d+(\.\d+)?$/,
    example: '1.1.1',
    files: () => [],
    page: 'https://esco.ec.europa.eu/en/use-esco/download',
    pins: {},
    citesRelease: true,
    note:
      'ESCO has no stable download address: its portal e-mails a link to the package you choose. At https://esco.ec.europa.eu/en/use-esco/download ' +
      'choose the version, content "classification", language "en" and file type "csv" (for v1.1.x also the language-independent package), ' +
      'then pass the zip archive(s) or the link(s) from the e-mail: npm run import -- esco path/to/first.zip [path/to/second.zip]',
  },
  {
    taxonomy: 'bls-oews',
    releases: /^M(\d{4})$/,
    example: 'M2024',
    files: (release) => [{ url: `https://www.bls.gov/oes/special-requests/oesm${release.slice(3)}nat.zip`, name: `oesm${release.slice(3)}nat.zip` }],
    page: 'https://www.bls.gov/oes/tables.htm',
    pins: { M2024: { 'national_M2024_dl.xlsx': 'a9bad3093703e28d7490cedb765b6730f4eaa4b37a7c8f68e866814167761f11' } },
    citesRelease: true,
    member: /^national_M\d{4}_dl\.xlsx$/i,
  },
  {
    taxonomy: 'bls-projections',
    releases: /^2024-34$/,
    example: '2024-34',
    // The address always serves the latest projections; the import reads the period from the table's headers.
    files: () => [{ url: 'https://www.bls.gov/emp/ind-occ-matrix/occupation.xlsx', name: 'occupation.xlsx' }],
    page: 'https://www.bls.gov/emp/tables.htm',
    pins: {},
    citesRelease: false,
  },
  {
    taxonomy: 'crosswalk-esco-onet',
    releases: /^current$/,
    example: 'current',
    files: () => [{ url: 'https://www.onetcenter.org/crosswalks/esco/ESCO_to_ONET-SOC.xlsx', name: 'ESCO_to_ONET-SOC.xlsx' }],
    page: 'https://www.onetcenter.org/crosswalks.html',
    pins: { current: { 'ESCO_to_ONET-SOC.xlsx': 'bf6c854f7ffc935eba67a296d6d7fa4d40b70fb26bcdb5ecb5621374bca6f35b' } },
    citesRelease: false,
  },
  {
    taxonomy: 'crosswalk-isco-soc',
    releases: /^current$/,
    example: 'current',
    files: () => [{ url: 'https://www.bls.gov/soc/ISCO_SOC_Crosswalk.xls', name: 'ISCO_SOC_Crosswalk.xls' }],
    page: 'https://www.bls.gov/soc/soccrosswalks.htm',
    pins: { current: { 'ISCO_SOC_Crosswalk.xls': '0426811b8c6a321bb2e902da4325b86d07174d1700cf79d6be4743c0784e6e73' } },
    citesRelease: false,
  },
];

/** The row of a taxonomy, if the table has one. */
export function catalogRow(taxonomy: string): CatalogRow | undefined {
  return RELEASE_CATALOG.find((row) => row.taxonomy === taxonomy);
}
