// Import tests run whole imports of the fixtures (many small batches, then the role
// weights' and neighbours' refresh): about 10 s each on a quiet machine, past 30 s
// beside another test suite on 2 cores. A test asserts what an import wrote, not
// how fast: each gets 3 minutes before it counts as hung.
jest.setTimeout(180_000);
