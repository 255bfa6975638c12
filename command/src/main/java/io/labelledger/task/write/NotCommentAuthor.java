package io.labelledger.task.write;

import io.labelledger.shared.Forbidden;

/** Only a comment's author and Managers or above resolve, reopen or delete it (ADR 0032). */
public class NotCommentAuthor extends Forbidden {
    public NotCommentAuthor() {
        super("commentId", "Only the comment's author or a Manager can change this comment");
    }
}
