package dev.gmbot.adapter.telegram.internal;

import com.squareup.moshi.Json;
import java.util.List;

/** Bot API {@code WebhookInfo}. */
public record TgWebhookInfo(
    String url,
    @Json(name = "has_custom_certificate") Boolean hasCustomCertificate,
    @Json(name = "pending_update_count") Long pendingUpdateCount,
    @Json(name = "ip_address") String ipAddress,
    @Json(name = "last_error_date") Long lastErrorDate,
    @Json(name = "last_error_message") String lastErrorMessage,
    @Json(name = "last_synchronization_error_date") Long lastSynchronizationErrorDate,
    @Json(name = "max_connections") Integer maxConnections,
    @Json(name = "allowed_updates") List<String> allowedUpdates) {}
