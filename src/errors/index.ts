export { formatIssue, formatPath, type VbpIssue, type VbpIssueCode, type VbpPath } from "./issue.js";
export { VbpInputError, type SafeFailure, type SafeResult, type SafeSuccess } from "./VbpInputError.js";
