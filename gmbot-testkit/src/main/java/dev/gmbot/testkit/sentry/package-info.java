/**
 * A stand-in for Sentry's ingestion API on loopback, so that the deployables' error tracking is
 * tested with the real Sentry SDK sending real envelopes over HTTP.
 */
package dev.gmbot.testkit.sentry;
