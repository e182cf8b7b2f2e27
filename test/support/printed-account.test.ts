import { accountLines } from '../../src/import/account-lines';
import { printedAccount } from './printed-account';

describe('printedAccount', () => {
  it('reads back the counts and skip reasons the import command prints, with a note before them', () => {
    const account = {
      read: 12,
      created: 3,
      updated: 2,
      unchanged: 1,
      skipped: 5,
      warned: 1,
      rejected: 1,
      warnings: [{ file: 'a.csv', line: 4, problem: 'names a concept the release lacks' }],
      badRows: [{ file: 'a.csv', line: 9, problem: 'not a number' }],
      skipReasons: { 'a summary row': 3, 'a scale the import does not use': 1 },
    };
    const stdout = ['other.csv: 1 rows read: 1 created, 0 updated, 0 unchanged, 0 skipped, 0 rejected', ...accountLines('a.csv', account, 'changed since it was loaded, read again, ')].join('\n');
    expect(printedAccount(stdout, 'a.csv')).toEqual({
      read: 12,
      created: 3,
      updated: 2,
      unchanged: 1,
      skipped: 5,
      rejected: 1,
      skipReasons: { 'a summary row': 3, 'a scale the import does not use': 1 },
    });
  });

  it('says so, quoting the output, when the file has no account', () => {
    expect(() => printedAccount('nothing here', 'a.csv')).toThrow(/no account of a\.csv in the output:\nnothing here/);
  });
});
