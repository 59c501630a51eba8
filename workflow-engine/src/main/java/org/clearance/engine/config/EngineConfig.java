package org.clearance.engine.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the engine that are not Quarkus' own. */
@ConfigMapping(prefix = "clearance.engine")
public interface EngineConfig {

  /** Host name this replica advertises in the topology; clients may connect to it. */
  @WithDefault("localhost")
  String advertisedHost();

  /**
   * Who may call the gateways: {@code oidc} (access tokens of the realm, the default) or {@code
   * none} (the engine's own tests and benchmarks).
   */
  @WithDefault("oidc")
  AuthMode auth();

  /** Partitions reported in the topology. The engine runs one logical partition. */
  @WithDefault("1")
  int partitionCount();

  @WithDefault("1")
  int clusterSize();

  @WithDefault("1")
  int replicationFactor();

  /** Threads running commands; each holds one database connection while it runs. */
  @WithDefault("16")
  int commandThreads();

  /**
   * Command threads that commands other than job results (create, deploy, ...) may occupy at once;
   * the others are kept for completions so in-flight work drains under overload.
   */
  @WithDefault("8")
  int normalCommandThreads();

  /** Commands that may wait for a thread before the gateway answers RESOURCE_EXHAUSTED. */
  @WithDefault("2000")
  int commandQueueCapacity();

  /**
   * CompleteJob, FailJob and ThrowError that may wait for a thread (they are never refused for
   * load; this only bounds memory).
   */
  @WithDefault("20000")
  int jobResultQueueCapacity();

  /**
   * When the oldest queued command has waited longer than this (milliseconds), new commands other
   * than job results are answered RESOURCE_EXHAUSTED.
   */
  @WithDefault("500")
  long maxQueueWait();

  /** Threads that activate and push jobs (ActivateJobs, long-poll wake-ups, job streams). */
  @WithDefault("4")
  int activationThreads();

  /** Long-poll duration of ActivateJobs when the request says 0 (milliseconds). */
  @WithDefault("10000")
  long defaultLongPollTimeout();

  /** How often timed-out jobs are released and parked requests re-checked (milliseconds). */
  @WithDefault("1000")
  long sweepInterval();

  /**
   * Longest sleep of the timer scheduler (milliseconds): bounds how late a timer created by another
   * replica is fired if its wake-up notification was lost; nearer timers wake the scheduler early.
   */
  @WithDefault("5000")
  long timerMaxIdle();

  /**
   * How often (ms) the search projector copies newly committed records into the read tables behind
   * the REST searches and statistics; 0 turns the projection off.
   */
  @WithDefault("200")
  long searchProjectionInterval();
}
