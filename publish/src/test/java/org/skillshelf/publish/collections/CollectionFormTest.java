package org.skillshelf.publish.collections;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.skillshelf.publish.collections.CollectionDraft.StepDraft;

class CollectionFormTest {
  private static final List<StepDraft> STEPS = List.of(new StepDraft("a", null), new StepDraft("b", null), new StepDraft("c", null));

  private static List<String> ids(List<StepDraft> steps) {
    return steps.stream().map(StepDraft::resourceId).toList();
  }

  @Test
  void movesAStepUpOrDown() {
    assertThat(ids(CollectionForm.moved(STEPS, "up-2"))).containsExactly("a", "c", "b");
    assertThat(ids(CollectionForm.moved(STEPS, "down-0"))).containsExactly("b", "a", "c");
  }

  @Test
  void removesAStep() {
    assertThat(ids(CollectionForm.moved(STEPS, "remove-1"))).containsExactly("a", "c");
  }

  @Test
  void leavesTheStepsAloneForAMoveOffTheEndsOrAForgedAction() {
    assertThat(ids(CollectionForm.moved(STEPS, "up-0"))).containsExactly("a", "b", "c");
    assertThat(ids(CollectionForm.moved(STEPS, "down-2"))).containsExactly("a", "b", "c");
    assertThat(ids(CollectionForm.moved(STEPS, "up-99"))).containsExactly("a", "b", "c");
    assertThat(ids(CollectionForm.moved(STEPS, "up-x"))).containsExactly("a", "b", "c");
    assertThat(ids(CollectionForm.moved(STEPS, "shuffle-1"))).containsExactly("a", "b", "c");
  }
}
