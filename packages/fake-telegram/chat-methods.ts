import type { ChatMember } from "grammy/types";
import { badRequest } from "./errors.js";
import { knownChat } from "./message-methods.js";
import { intParam } from "./params.js";
import type { Handler } from "./state.js";

/**
 * A user's standing in a group. Telegram knows every user; the fake knows those seen in
 * updates, and says "user not found" for the rest, as Telegram does for an id that never was.
 */
const getChatMember: Handler = (p, { state }): ChatMember => {
  const chat = knownChat(state, p);
  const userId = intParam(p, "user_id");
  if (userId === undefined) throw badRequest("invalid user_id specified");
  const user = state.users.get(userId);
  if (user === undefined) throw badRequest("user not found");
  const status = state.members.get(chat.id)?.get(userId) ?? "left";
  switch (status) {
    case "creator":
      return { status, user, is_anonymous: false };
    case "administrator":
      return {
        status,
        user,
        can_be_edited: false,
        is_anonymous: false,
        can_manage_chat: true,
        can_delete_messages: true,
        can_manage_video_chats: true,
        can_restrict_members: true,
        can_promote_members: false,
        can_change_info: true,
        can_invite_users: true,
        can_post_stories: false,
        can_edit_stories: false,
        can_delete_stories: false,
        can_manage_direct_messages: false,
        can_manage_tags: false,
        can_send_welcome_messages: false,
      };
    case "restricted":
      return {
        status,
        user,
        is_member: true,
        can_send_messages: false,
        can_send_audios: false,
        can_send_documents: false,
        can_send_photos: false,
        can_send_videos: false,
        can_send_video_notes: false,
        can_send_voice_notes: false,
        can_send_polls: false,
        can_send_other_messages: false,
        can_add_web_page_previews: false,
        can_change_info: false,
        can_invite_users: false,
        can_pin_messages: false,
        can_manage_topics: false,
        can_edit_tag: false,
        can_react_to_messages: false,
        until_date: 0,
      };
    case "kicked":
      return { status, user, until_date: 0 };
    default:
      return { status, user };
  }
};

export const chatMethods: Record<string, Handler> = { getChatMember };
