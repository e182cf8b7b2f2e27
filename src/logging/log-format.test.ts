import { chooseLogFormat } from './log-format';

describe('the log format', () => {
  it('is pretty in a terminal and JSON lines elsewhere when none is asked for', () => {
    expect(chooseLogFormat(undefined, true, true)).toBe('pretty');
    expect(chooseLogFormat(undefined, false, true)).toBe('json');
  });

  it('is what LOG_FORMAT asks for, terminal or not', () => {
    expect(chooseLogFormat('json', true, true)).toBe('json');
    expect(chooseLogFormat('pretty', false, true)).toBe('pretty');
  });

  it('stays JSON where pino-pretty is not installed (a production install)', () => {
    expect(chooseLogFormat(undefined, true, false)).toBe('json');
    expect(chooseLogFormat('pretty', true, false)).toBe('json');
  });
});
