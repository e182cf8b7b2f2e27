import fs from 'node:fs';
import { suiteGlobalTeardown } from '../support/suite-global-teardown';

/** Stops the service and its driver, removes the explorer's build, then stops the e2e Neo4j. */
export default suiteGlobalTeardown({
  name: 'e2e',
  async beforeStop() {
    const e2e = globalThis.careersGraphE2e;
    if (!e2e) return;
    try {
      await e2e.app?.stop();
      await e2e.database?.close();
    } finally {
      fs.rmSync(e2e.webDir, { recursive: true, force: true });
    }
  },
});
