package lab.scenarios.challenges;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import lab.scenarios.DefenceVocabulary;
import lab.scenarios.ScenarioCatalogue;
import org.junit.jupiter.api.Test;

class ChallengeCatalogueTest {

    @Test
    void theLabsChallengesLoadWithASolutionEach() {
        ChallengeCatalogue catalogue = ChallengeCatalogue.load(DefenceVocabulary.ANY, ScenarioCatalogue.load());

        assertThat(catalogue.all()).hasSizeGreaterThanOrEqualTo(12);
        assertThat(catalogue.all()).extracting(Challenge::kind).contains(ChallengeKind.ATTACK, ChallengeKind.DEFEND);
        for (Challenge challenge : catalogue.all()) {
            assertThat(challenge.hints()).as(challenge.id()).isNotEmpty();
            if (challenge.kind() == ChallengeKind.ATTACK) {
                assertThat(catalogue.solutionSource(challenge.id()).orElseThrow())
                        .as(challenge.id())
                        .containsPattern("\\{\\{(victim|attacker)}}");
            } else {
                assertThat(challenge.solutionDefences()).as(challenge.id()).isNotEmpty();
                assertThat(challenge.attacks()).as(challenge.id()).isNotEmpty();
            }
        }
    }

    @Test
    void aBrokenChallengeNamesItsFileAndField() {
        assertThatThrownBy(() -> ChallengeCatalogue.load(
                        DefenceVocabulary.ANY, id -> true, getClass().getClassLoader(), "broken-challenges/"))
                .hasMessageStartingWith(
                        "broken-challenges/bad-goal/challenge.json: goal: unknown goal 'steal-everything'");
    }

    @Test
    void anUnknownDefenceIsRefusedWithTheVocabularysWords() {
        DefenceVocabulary strict = new DefenceVocabulary() {
            @Override
            public void validate(String defence, String value) {
                throw new IllegalArgumentException("unknown defence '" + defence + "'");
            }

            @Override
            public boolean knows(String defence) {
                return false;
            }
        };
        assertThatThrownBy(() -> ChallengeCatalogue.load(strict, ScenarioCatalogue.load()))
                .hasMessageContaining("/challenge.json: conditions.defences.")
                .hasMessageContaining("unknown defence");
    }
}
