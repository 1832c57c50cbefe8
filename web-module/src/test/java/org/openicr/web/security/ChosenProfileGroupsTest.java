package org.openicr.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The container's groups of a signed-in person: all their profiles' codes until one is chosen, then its code only. */
class ChosenProfileGroupsTest {

    @ParameterizedTest(name = "signed in as {0}, chose {1}: groups {2}")
    @CsvSource(
            delimiter = '|',
            nullValues = "none",
            value = {
                // no profile chosen yet: every profile's group, as the sign-in found them
                "R8015 R8000 | none  | R8015 R8000",
                "R8000       | none  | R8000",
                // an administrator profile and a clinical one: the chosen one only
                "R8015 R8000 | R8000 | R8000",
                "R8015 R8000 | R8015 | R8015",
                // a privacy officer who is also a clinician
                "R0001 R8003 | R0001 | R0001",
                // two clinical profiles (other organisations): the chosen code
                "R8000 R8003 | R8003 | R8003",
                // never more than the sign-in established: a code it did not find gives no group
                "R8000       | R8015 | ''",
            })
    void theChosenProfilesGroupOnly(String signedIn, String chosen, String expected) {
        assertEquals(codes(expected), ChosenProfileGroups.of(codes(signedIn), chosen));
    }

    private static Set<String> codes(String text) {
        return text == null || text.isBlank()
                ? Set.of()
                : Arrays.stream(text.trim().split("\\s+")).collect(Collectors.toSet());
    }
}
