/**
 * Shared state on Redis (Lettuce): membership and administrator caches, rate-limit meters and
 * pauses, the update log and leases. {@link dev.gmbot.adapter.redis.SharedState} builds them (or
 * their in-process equivalents in {@code dev.gmbot.adapter.redis.local}).
 */
package dev.gmbot.adapter.redis;
