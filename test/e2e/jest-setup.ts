// A browser test waits on the page, the service and a real database; give each up to 30 s.
jest.setTimeout(30_000);
