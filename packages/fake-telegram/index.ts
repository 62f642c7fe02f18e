export type { UploadedFile } from "./body.js";
export type { ApiCall, ApiResponse } from "./calls.js";
export { type FakeTelegram, type Fault, startFakeTelegram } from "./server.js";
export type { BotUser, MemberStatus } from "./state.js";
export type { SendDocumentOptions, SendTextOptions, UserRef } from "./update-builders.js";
