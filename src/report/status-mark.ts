/**
 * The one-character mark of each step status, shared by the reports that
 * show one: ✓ proved, ≈ numeric (evidence, not proof), ✗ failed, ! error.
 */
import type { StepStatus } from '../verdict/result.js';

export const STATUS_MARK: Readonly<Record<StepStatus, string>> = { proved: '✓', numeric: '≈', failed: '✗', error: '!' };
