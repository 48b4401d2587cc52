/**
 * Driven ports: what the domain needs from the outside world, named by capability. Telegram
 * (membership lookup, moderation, messaging, directory, identity), storage (repositories, audit),
 * shared state (caches, update log, rate-limit store, leases) and metrics. Failures of the outside
 * world are the exceptions of this package; expected outcomes are values.
 */
package dev.gmbot.port.out;
