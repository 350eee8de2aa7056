package io.b2bportal.platform;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * In-app notifications for every module: a short text with a link for one user, shown behind the bell in the header
 * and on {@code /notifications}. Written in the caller's transaction, so a notification exists exactly when the
 * business change that caused it does. Every read is by the owner's id: nobody sees another user's notifications.
 */
@Service
public class Notifications {

    private final JdbcClient jdbc;

    Notifications(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One notification as its owner sees it. */
    public record Notification(long id, String kind, String text, String link, OffsetDateTime createdAt,
            OffsetDateTime readAt) {

        public boolean unread() {
            return readAt == null;
        }
    }

    /**
     * Notifies a user.
     *
     * @param kind what it is about, e.g. {@code payments.reminder.overdue} (lower case, dot-separated)
     * @param link a path inside the portal ({@code /finance}) or null
     */
    @Transactional
    public long notify(long userId, String kind, String text, String link) {
        return jdbc.sql("""
                        insert into platform.notification (user_id, kind, text, link) values (:user, :kind, :text, :link)
                        returning id""")
                .param("user", userId).param("kind", kind)
                .param("text", text.length() <= 1000 ? text : text.substring(0, 1000)).param("link", link)
                .query(Long.class).single();
    }

    /** The user's notifications, the newest first. */
    @Transactional(readOnly = true)
    public List<Notification> of(long userId, int limit) {
        return jdbc.sql("""
                        select id, kind, text, link, created_at, read_at from platform.notification
                         where user_id = :user order by created_at desc, id desc limit :limit""")
                .param("user", userId).param("limit", limit).query(Notification.class).list();
    }

    @Transactional(readOnly = true)
    public int unread(long userId) {
        return jdbc.sql("select count(*) from platform.notification where user_id = :user and read_at is null")
                .param("user", userId).query(Integer.class).single();
    }

    /** Marks one of the user's notifications read; empty when it is not theirs (or does not exist). */
    @Transactional
    public Optional<Notification> markRead(long userId, long id) {
        jdbc.sql("update platform.notification set read_at = now() where id = :id and user_id = :user and read_at is null")
                .param("id", id).param("user", userId).update();
        return jdbc.sql("""
                        select id, kind, text, link, created_at, read_at from platform.notification
                         where id = :id and user_id = :user""")
                .param("id", id).param("user", userId).query(Notification.class).optional();
    }

    /** Marks all of the user's notifications read; returns how many were unread. */
    @Transactional
    public int markAllRead(long userId) {
        return jdbc.sql("update platform.notification set read_at = now() where user_id = :user and read_at is null")
                .param("user", userId).update();
    }
}
