package dev.gmbot.app.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gmbot.testkit.simulator.AdminRights;
import dev.gmbot.testkit.simulator.SimButton;
import dev.gmbot.testkit.simulator.SimChat;
import dev.gmbot.testkit.simulator.SimCommand;
import dev.gmbot.testkit.simulator.SimMessage;
import dev.gmbot.testkit.simulator.SimUser;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The server's end-to-end scenarios over real HTTP against the Bot API simulator. Each concrete
 * class runs them in one mode (webhook through the simulator's delivery emulator, or long polling)
 * on one backend (PostgreSQL + Redis, or H2 + in-process state). Every test builds its own owner,
 * channel and group in the shared simulator.
 */
abstract class ServerScenarios extends ServerWorlds {
  /** Unicode isolates around a value in a right-to-left message. */
  private static final String FSI = "\u2068";

  private static final String PDI = "\u2069";

  @Test
  void adminProtectsTheGroupAndANonAdminIsRefused() {
    World w = new World();
    SimUser member = w.user("Member");
    w.group.withMembers(member);

    member.says(w.group, "/protect @news_" + w.n);
    it.settle();
    assertThat(lastBotText(w.group)).contains("Only admins");

    w.protect();
  }

  @Test
  void joinerWhoIsNotSubscribedIsMutedAndPrompted() {
    World w = new World().protect();
    SimUser alice = w.user("Alice");

    alice.joins(w.group);
    it.settle();

    assertThat(w.group.isMuted(alice)).isTrue();
    assertThat(promptFor(w.group, alice)).isPresent();
  }

  @Test
  void verifyAfterSubscribingFreesTheUser() {
    World w = new World().protect();
    SimUser alice = w.user("Alice");
    alice.joins(w.group);
    it.settle();
    SimMessage prompt = promptFor(w.group, alice).orElseThrow();

    w.channel.withMembers(alice); // subscribed quietly: only the button can tell the bot
    String query = alice.presses(prompt, verifyButton(prompt).orElseThrow().text());
    it.settle();

    assertThat(w.group.isMuted(alice)).isFalse();
    assertThat(it.sim.callbackAnswer(query))
        .hasValueSatisfying(a -> assertThat(a).contains("Verified"));
  }

  @Test
  void verifyBeforeSubscribingKeepsTheUserMuted() {
    World w = new World().protect();
    SimUser alice = w.user("Alice");
    alice.joins(w.group);
    it.settle();
    SimMessage prompt = promptFor(w.group, alice).orElseThrow();

    String query = alice.presses(prompt, verifyButton(prompt).orElseThrow().text());
    it.settle();

    assertThat(w.group.isMuted(alice)).isTrue();
    assertThat(it.sim.callbackAnswer(query))
        .hasValueSatisfying(a -> assertThat(a).contains("Not yet"));
  }

  @Test
  void leavingTheChannelMutesAgain() {
    World w = new World().protect();
    SimUser bob = w.user("Bob");
    bob.subscribes(w.channel);
    bob.joins(w.group);
    bob.says(w.group, "hello");
    it.settle();
    assertThat(w.group.isMuted(bob)).isFalse();

    bob.unsubscribes(w.channel);
    it.settle();

    assertThat(w.group.isMuted(bob)).isTrue();
  }

  @Test
  void demotedBotPausesTheGroupTellsTheOwnerAndReactivateResumes() {
    World w = new World().protect();
    w.owner.startsBot(); // now a known owner who can be written to in private
    it.settle();

    w.group.demoteBot();
    it.settle();
    SimChat ownerChat = it.sim.chat(w.owner.id());
    assertThat(lastBotText(ownerChat)).contains("WARNING");
    SimUser carol = w.user("Carol");
    carol.joins(w.group);
    it.settle();
    assertThat(w.group.isMuted(carol)).isFalse(); // paused: nobody is punished

    w.group.promoteBot(AdminRights.guard());
    w.owner.says(w.group, "/reactivate");
    it.settle();
    assertThat(lastBotText(w.group)).containsAnyOf("Protection resumed", "protection is active");

    SimUser dave = w.user("Dave");
    dave.joins(w.group);
    it.settle();
    assertThat(w.group.isMuted(dave)).isTrue();
  }

  @Test
  void aRussianGroupAndAnArabicGroupSpeakTheirOwnersLanguages() {
    World ru = new World("ru");
    ru.owner.says(ru.group, "/protect @news_" + ru.n);
    it.settle();
    assertThat(lastBotText(ru.group))
        .contains("✅ Я администратор канала @news_" + ru.n)
        .contains("🛡️ Защита включена!");
    SimUser anya = ru.user("Anya").speaks(""); // no language of her own: the group's
    SimUser boris = ru.user("Boris").speaks("");
    anya.joins(ru.group); // first, so that the prompt is posted for her
    it.settle();
    boris.joins(ru.group);
    it.settle();
    SimMessage prompt = promptFor(ru.group, anya).orElseThrow();
    assertThat(prompt.text()).contains("Чтобы писать в этой группе, подпишитесь на @news_" + ru.n);
    SimButton verify = verifyButton(prompt).orElseThrow();
    assertThat(verify.text()).isEqualTo("✅ Я подписался — проверить");
    String query = anya.presses(prompt, verify.text());
    it.settle();
    assertThat(it.sim.callbackAnswer(query))
        .contains(
            "❌ Пока нет! Сначала подпишитесь на @news_" + ru.n + ", затем нажмите кнопку ещё раз.");
    ru.owner.says(ru.group, "/unprotect");
    it.settle();
    assertThat(lastBotText(ru.group))
        .isEqualTo("🔓 Защита выключена. Снимаю 2 ограничения, которые я установил.");

    World ar = new World("ar");
    ar.owner.says(ar.group, "/protect @news_" + ar.n);
    it.settle();
    String channel = FSI + "@news_" + ar.n + PDI;
    assertThat(lastBotText(ar.group))
        .contains("🛡️ تم تفعيل الحماية!")
        .contains("أن يكون مشتركًا في " + channel + ".");
    List<SimUser> joiners =
        List.of(ar.user("Amal").speaks(""), ar.user("Omar").speaks(""), ar.user("Huda").speaks(""));
    for (SimUser joiner : joiners) { // one after the other: the prompt is posted for the first
      joiner.joins(ar.group);
      it.settle();
    }
    SimMessage arabicPrompt = promptFor(ar.group, joiners.get(0)).orElseThrow();
    assertThat(arabicPrompt.text())
        .startsWith("👋 " + FSI + "Amal" + ar.n + PDI)
        .contains("اشترك أولًا في " + channel);
    assertThat(verifyButton(arabicPrompt).orElseThrow().text()).isEqualTo("✅ اشتركت - تحقق");
    ar.owner.says(ar.group, "/unprotect");
    it.settle();
    assertThat(lastBotText(ar.group))
        .isEqualTo("🔓 تم إيقاف الحماية. سأرفع " + FSI + "3" + PDI + " قيود فرضتها.");

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              assertThat(it.sim.commandMenu("all_chat_administrators", "ru"))
                  .first()
                  .isEqualTo(new SimCommand("protect", "Требовать подписку на канал"));
              assertThat(it.sim.commandMenu("all_private_chats", "ar"))
                  .extracting(SimCommand::command)
                  .containsExactly("start", "help", "status", "settings", "audit");
              assertThat(it.sim.commandMenu("all_chat_administrators", ""))
                  .extracting(SimCommand::command)
                  .contains("status", "stats", "audit");
            });
  }

  @Test
  void healthAndMetricsAnswer() {
    World w = new World().protect();
    SimUser alice = w.user("Alice");
    alice.joins(w.group);
    it.settle();
    assertThat(w.group.isMuted(alice)).isTrue();

    HttpResponse<String> health = it.get("/health");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body())
        .contains("\"status\":\"healthy\"")
        .contains("\"uptime\":")
        .contains("\"database\":\"up\"")
        .contains("\"telegram\":\"up")
        .contains(
            it.backend == ServerUnderTest.Backend.POSTGRES_REDIS
                ? "\"redis\":\"up\""
                : "\"redis\":\"in-process\"");

    for (String path : List.of("/metrics", "/prometheus")) {
      HttpResponse<String> metrics = it.get(path);
      assertThat(metrics.statusCode()).isEqualTo(200);
      assertThat(metrics.headers().firstValue("Content-Type"))
          .hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () ->
                  assertThat(it.get(path).body())
                      .contains("bot_verifications_total{status=")
                      .contains("bot_api_calls_total{method=\"restrictChatMember\",outcome=\"ok\"}")
                      .contains("bot_cache_hits_total")
                      .contains("bot_cache_misses_total")
                      .contains("bot_rate_limit_delays_total")
                      .contains("bot_verification_latency_seconds_bucket{le=\"0.01\"}")
                      .contains("bot_verification_latency_seconds_bucket{le=\"2.0\"}")
                      .contains("bot_active_groups")
                      .contains("bot_updates_total{type=")
                      .contains("bot_update_handling_seconds_bucket"));
    }
  }

  // ---- issue 16: actions per group, failure policy, trust list ---------------------------------

  /** Runs one statement on the rows of the group (its id the only parameter); the rows changed. */
  private int groupRows(String sql, SimChat group) {
    try (java.sql.Connection c = it.server.component().database().dataSource().getConnection();
        java.sql.PreparedStatement statement = c.prepareStatement(sql)) {
      statement.setLong(1, group.id());
      return statement.executeUpdate();
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The group's stored deadlines brought forward to now, as if their time had passed. */
  private void deadlinesAreDue(SimChat group) {
    assertThat(
            groupRows(
                "UPDATE member_deadlines SET due_at = CURRENT_TIMESTAMP - INTERVAL '1' SECOND WHERE group_id = ?",
                group))
        .as("deadlines of the group")
        .isPositive();
  }

  /** What the housekeeping thread runs every GMBOT_PROMPT_SWEEP_SECONDS, run now. */
  private List<String> sweep() {
    List<String> effects = it.server.component().guard().sweepPrompts();
    it.settle();
    return effects;
  }

  private void set(World w, String key, String value) {
    w.owner.says(w.group, "/settings " + key + " " + value);
    it.settle();
    assertThat(lastBotText(w.group)).as(key).contains("Saved");
  }

  @Test
  void muteThenRemoveRemovesAMemberStillUnverifiedAfterTheTimeAndLetsThemBack() {
    World w = new World().protect();
    set(w, "action", "mute-then-remove");
    SimUser alice = w.user("Alice");
    alice.joins(w.group);
    it.settle();
    assertThat(w.group.isMuted(alice)).isTrue();

    deadlinesAreDue(w.group);
    List<String> effects = sweep();

    assertThat(effects).anyMatch(l -> l.startsWith("removed " + alice.id()));
    assertThat(it.sim.calls().of("banChatMember", alice.id())).hasSize(1);
    assertThat(it.sim.calls().of("unbanChatMember", alice.id())).hasSize(1);
    assertThat(w.group.statusOf(alice)).isEqualTo("left"); // unbanned: may come back

    alice.subscribes(w.channel);
    alice.joins(w.group);
    it.settle();
    assertThat(w.group.isMember(alice)).isTrue();
    assertThat(w.group.isMuted(alice)).isFalse();
  }

  @Test
  void muteThenRemoveNeverRemovesAMemberWhoSubscribedMeanwhile() {
    World w = new World().protect();
    set(w, "action", "mute-then-remove");
    SimUser alice = w.user("Alice");
    alice.joins(w.group);
    it.settle();
    w.channel.withMembers(alice); // subscribed quietly: only the re-check before removal sees it

    deadlinesAreDue(w.group);
    sweep();

    assertThat(it.sim.calls().of("banChatMember", alice.id())).isEmpty();
    assertThat(w.group.isMember(alice)).isTrue();
    assertThat(w.group.isMuted(alice)).isFalse();
  }

  @Test
  void theDeleteActionDeletesANonSubscribersMessagesAndNeverRestricts() {
    World w = new World().protect();
    set(w, "delete_messages", "off");
    set(w, "action", "delete");
    SimUser alice = w.user("Alice");
    alice.joins(w.group);
    it.settle();
    assertThat(w.group.isMuted(alice)).isFalse();
    assertThat(promptFor(w.group, alice)).isPresent();

    SimMessage hello = alice.says(w.group, "hello");
    it.settle();

    assertThat(it.sim.calls().of("restrictChatMember", alice.id())).isEmpty();
    assertThat(w.group.messages())
        .filteredOn(m -> m.messageId() == hello.messageId())
        .singleElement()
        .extracting(SimMessage::deleted)
        .isEqualTo(true);
  }

  @Test
  void underHoldAJoinerIsHeldDuringAnOutageAndFreedWhenChecksWorkAgain() {
    World w = new World().protect();
    set(w, "on_check_failure", "hold");
    SimUser alice = w.user("Alice");
    it.sim.faults().outage("getChatMember", w.channel.id(), 502); // checks fail, commands work
    try {
      alice.joins(w.group);
      it.settle();
      assertThat(w.group.isMuted(alice)).isTrue();
      assertThat(lastBotText(w.group)).contains("one moment");

      w.owner.says(w.group, "/status");
      it.settle();
      assertThat(lastBotText(w.group)).contains("failing").contains("hold");

      sweep(); // still failing: still held
      assertThat(w.group.isMuted(alice)).isTrue();
    } finally {
      it.sim.faults().clear();
    }
    w.channel.withMembers(alice);
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              sweep(); // each held joiner is re-checked once per lease (5 s)
              assertThat(w.group.isMuted(alice)).isFalse();
            });
  }

  @Test
  void underHoldNobodyIsHeldLongerThanTheLimit() {
    World w = new World().protect();
    set(w, "on_check_failure", "hold");
    set(w, "hold_limit", "1m");
    SimUser alice = w.user("Alice");
    it.sim.faults().outage("getChatMember", w.channel.id(), 502); // checks fail, commands work
    try {
      alice.joins(w.group);
      it.settle();
      assertThat(w.group.isMuted(alice)).isTrue();

      deadlinesAreDue(w.group); // the limit has passed, Telegram still failing
      List<String> effects = sweep();

      assertThat(effects).anyMatch(l -> l.contains("hold limit reached"));
      assertThat(w.group.isMuted(alice)).isFalse();
    } finally {
      it.sim.faults().clear();
    }
  }

  @Test
  void aTrustedMemberIsExemptAndUntrustEndsIt() {
    World w = new World().protect();
    SimUser alice = w.user("Alice");
    SimUser bob = w.user("Bob");
    bob.subscribes(w.channel);
    bob.joins(w.group);
    SimMessage hello = bob.says(w.group, "hello");
    alice.joins(w.group);
    it.settle();
    assertThat(w.group.isMuted(alice)).isTrue();

    w.owner.says(w.group, "/trust " + alice.id());
    it.settle();
    assertThat(lastBotText(w.group)).contains("trusted");
    assertThat(w.group.isMuted(alice)).isFalse();

    w.owner.replies(hello, "/trust");
    it.settle();
    bob.unsubscribes(w.channel);
    it.settle();
    assertThat(w.group.isMuted(bob)).as("trusted: leaving the channel changes nothing").isFalse();

    w.owner.says(w.group, "/untrust " + alice.id());
    it.settle();
    alice.says(w.group, "am I checked again?");
    it.settle();
    assertThat(w.group.isMuted(alice)).isTrue();

    SimUser member = w.user("Member");
    member.subscribes(w.channel);
    member.joins(w.group);
    member.says(w.group, "/trust " + alice.id());
    it.settle();
    assertThat(lastBotText(w.group)).contains("Only admins");
  }

  // ---- the join-request gate (ADR 0023) --------------------------------------------------------

  /** The group's held join requests brought to their expiry, as if the timeout had passed. */
  private void joinRequestsExpired(SimChat group) {
    assertThat(
            groupRows(
                "UPDATE pending_join_requests SET expires_at = CURRENT_TIMESTAMP - INTERVAL '1' SECOND WHERE group_id = ?",
                group))
        .as("held join requests of the group")
        .isPositive();
  }

  // ---- issue 16, items 4-6: background sweeps over members -------------------------------------

  /**
   * Forgets the group's sweeps, as if none had run: the server's sweep loop may have reconciled the
   * group between a joiner's mute and the test's next step; the run the test means starts after.
   */
  private void forgetSweeps(SimChat group) {
    groupRows("DELETE FROM member_sweeps WHERE group_id = ?", group);
  }

  @Test
  void aJoinRequestIsApprovedAtOnceForASubscriberAndWhenTheOthersSubscribeLater() {
    World w = new World().protect();
    SimUser bob = w.user("Bob");
    bob.subscribes(w.channel);
    bob.requestsToJoin(w.group);
    SimUser alice = w.user("Alice"); // never started the bot: written to through user_chat_id
    alice.requestsToJoin(w.group);
    it.settle();
    assertThat(w.group.isMember(bob)).isTrue();
    assertThat(w.group.pendingJoinRequests()).containsExactly(alice.id());
    SimChat dm = it.sim.chat(alice.id());
    assertThat(lastBotText(dm)).contains("@news_" + w.n);

    alice.subscribes(w.channel); // no button pressed: the channel's chat_member is enough
    it.settle();

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(w.group.isMember(alice)).isTrue());
    assertThat(w.group.pendingJoinRequests()).isEmpty();
    assertThat(it.sim.calls().of("approveChatJoinRequest", alice.id())).hasSize(1);
    assertThat(w.group.isMuted(alice)).isFalse();
    sweep(); // nothing is left to decline
    assertThat(it.sim.calls().of("declineChatJoinRequest", alice.id())).isEmpty();
  }

  @Test
  void aJoinRequestStillPendingAfterTheTimeoutIsDeclinedAndTheRequesterToldWhy() {
    World w = new World().protect();
    SimUser alice = w.user("Alice");
    alice.startsBot(); // may be written to long after her request
    SimUser carol = w.user("Carol"); // only within the 5 minutes of user_chat_id
    it.settle();
    alice.requestsToJoin(w.group);
    carol.requestsToJoin(w.group);
    it.settle();
    assertThat(w.group.pendingJoinRequests()).containsExactlyInAnyOrder(alice.id(), carol.id());

    joinRequestsExpired(w.group);
    sweep();

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(w.group.pendingJoinRequests()).isEmpty());
    assertThat(it.sim.calls().of("declineChatJoinRequest", alice.id())).hasSize(1);
    assertThat(it.sim.calls().of("declineChatJoinRequest", carol.id())).hasSize(1);
    assertThat(w.group.isMember(alice)).isFalse();
    assertThat(lastBotText(it.sim.chat(alice.id()))).contains("declined").contains("@news_" + w.n);
    assertThat(lastBotText(it.sim.chat(carol.id())))
        .as("her window closed: she keeps only the instructions")
        .doesNotContain("declined");
    sweep(); // declined once
    assertThat(it.sim.calls().of("declineChatJoinRequest", alice.id())).hasSize(1);

    alice.subscribes(w.channel);
    alice.requestsToJoin(w.group); // asks again, subscribed now: in at once
    it.settle();
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(w.group.isMember(alice)).isTrue());
  }

  @Test
  void aMissedChannelJoinIsRepairedByTheReconciliationSweep() {
    World w = new World().protect();
    SimUser hank = w.user("Hank");
    SimUser ivy = w.user("Ivy");
    hank.joins(w.group);
    ivy.joins(w.group);
    it.settle();
    assertThat(w.group.isMuted(hank)).isTrue();
    w.channel.withMembers(hank); // subscribed: no chat_member update reaches the bot
    forgetSweeps(w.group);

    await() // the sweep loop looks every 15 s when idle
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> !w.group.isMuted(hank));
    assertThat(w.group.isMuted(ivy)).as("not subscribed").isTrue();
    it.settle();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                it.server
                    .component()
                    .database()
                    .sweeps()
                    .find(
                        dev.gmbot.port.model.GroupId.of(w.group.id()),
                        dev.gmbot.port.model.MemberSweep.Kind.RECONCILE)
                    .flatMap(dev.gmbot.port.model.MemberSweep::finishedAt)
                    .isPresent());
    w.owner.says(w.group, "/status");
    it.settle();
    assertThat(lastBotText(w.group))
        .contains("Reconciliation of muted members")
        .contains("2 checked, 1 freed");
    assertThat(it.get("/metrics").body())
        .containsPattern("bot_member_sweep_freed\\{[^}]*kind=\"reconcile\"[^}]*\\} 1");
  }
}
