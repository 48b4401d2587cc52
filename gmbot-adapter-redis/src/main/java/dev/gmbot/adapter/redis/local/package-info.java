/**
 * In-process implementations of the shared-state ports for a one-instance deployment (no {@code
 * REDIS_URL}), and the fallbacks of the Redis adapters while Redis is unreachable.
 */
package dev.gmbot.adapter.redis.local;
