// Set up before each test file of the `processes` project (jest.config.js), whose tests run the product
// in child processes: the project's timeout comes through its globals, as jest-circus ignores a
// project's own testTimeout.
import { jest } from '@jest/globals';

const { processTestTimeoutMs } = globalThis as { processTestTimeoutMs?: unknown };
if (typeof processTestTimeoutMs !== 'number') throw new Error('jest.config.js must set globals.processTestTimeoutMs for the processes project');
jest.setTimeout(processTestTimeoutMs);
