package org.skillshelf.publish.collections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.skillshelf.events.Collection;
import org.skillshelf.publish.collections.CollectionDraft.StepDraft;
import org.skillshelf.web.ApiException;

class CollectionRulesTest {
  private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");
  private final CollectionRules rules = new CollectionRules(Set.of("r1", "r2", "r3")::contains);

  private static CollectionDraft draft(String title, List<StepDraft> steps) {
    return new CollectionDraft(title, null, null, null, "LEARNING_PATH", "beginner", 90, steps);
  }

  private Collection check(CollectionDraft draft) {
    return rules.check("c1", draft, false, "ada", AT);
  }

  private static String codeOf(Runnable action) {
    try {
      action.run();
    } catch (ApiException e) {
      assertThat(e.status()).isEqualTo(400);
      return e.code();
    }
    throw new AssertionError("no ApiException");
  }

  @Test
  void keepsStepsInTheOrderGivenWithTheirNotes() {
    Collection c = check(draft(" Start here ", List.of(new StepDraft("r2", " first "), new StepDraft("r1", null))));
    assertThat(c.title()).isEqualTo("Start here");
    assertThat(c.kind()).isEqualTo(Collection.Kind.LEARNING_PATH);
    assertThat(c.steps()).containsExactly(new Collection.Step("r2", "first"), new Collection.Step("r1", null));
  }

  @Test
  void refusesAnEmptyTitle() {
    assertThat(codeOf(() -> check(draft("  ", List.of())))).isEqualTo("TITLE_REQUIRED");
  }

  @Test
  void refusesAResourceThatIsNotPublished() {
    assertThatThrownBy(() -> check(draft("Path", List.of(new StepDraft("r1", null), new StepDraft("gone", null)))))
        .isInstanceOf(ApiException.class).hasMessageContaining("Step 2").hasMessageContaining("gone");
  }

  @Test
  void refusesMoreThanFiftySteps() {
    List<StepDraft> steps = new ArrayList<>();
    for (int i = 0; i < CollectionRules.MAX_STEPS + 1; i++) {
      steps.add(new StepDraft("r1", null));
    }
    assertThat(codeOf(() -> check(draft("Long", steps)))).isEqualTo("TOO_MANY_STEPS");
  }

  @Test
  void refusesTheSameResourceTwice() {
    assertThat(codeOf(() -> check(draft("Twice", List.of(new StepDraft("r1", null), new StepDraft("r1", "again"))))))
        .isEqualTo("DUPLICATE_STEP");
  }

  @Test
  void refusesAnUnknownKindLevelOrTime() {
    assertThat(codeOf(() -> check(new CollectionDraft("T", null, null, null, "PLAYLIST", null, null, null)))).isEqualTo("BAD_KIND");
    assertThat(codeOf(() -> check(new CollectionDraft("T", null, null, null, null, "expert", null, null)))).isEqualTo("BAD_LEVEL");
    assertThat(codeOf(() -> check(new CollectionDraft("T", null, null, null, null, null, 0, null)))).isEqualTo("BAD_TIME");
  }

  @Test
  void refusesAnOverlongBio() {
    assertThat(codeOf(() -> check(new CollectionDraft("T", null, "Grace", "x".repeat(601), null, null, null, null))))
        .isEqualTo("TOO_LONG");
  }

  @Test
  void refusesToPublishACollectionWithoutSteps() {
    assertThat(codeOf(() -> CollectionRules.checkPublishable(check(draft("Empty", List.of()))))).isEqualTo("EMPTY_COLLECTION");
  }
}
