package dev.gmbot.port.in;

import java.util.List;

/**
 * Housekeeping on a timer: deletes audit entries older than the retention period and settings-menu
 * conversations that have expired. A runtime calls it periodically (every few minutes is plenty;
 * calls closer together than the domain's own interval do nothing); it returns what it did, as
 * effect lines.
 */
public interface RetentionCleanupUseCase {
  List<String> cleanUp();
}
