export { formatIssue, formatPath, type VbpIssue, type VbpIssueCode, type VbpPath } from "./issue.js";
export { VbpInputError, type SafeResult } from "./VbpInputError.js";
