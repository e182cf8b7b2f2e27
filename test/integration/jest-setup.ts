// Integration tests wait on a real database; give each up to 30 s.
jest.setTimeout(30_000);
