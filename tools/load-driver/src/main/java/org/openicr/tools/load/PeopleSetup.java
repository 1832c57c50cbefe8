package org.openicr.tools.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Creates the run's synthetic people through SubmitDemographics before any item is sent, so every
 * item batch matches a person (an unmatched batch would be held, not stored as items). Posting an
 * existing person again is an update, so the setup can be repeated.
 */
public final class PeopleSetup {

    private PeopleSetup() {}

    /** Posts every person with a few clients; answers the problems (empty when all were acknowledged). */
    public static Map<String, Integer> create(SoapClient client, List<String> nhsNumbers, String runId, int clients)
            throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        Map<String, Integer> problems = new ConcurrentHashMap<>();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread t = new Thread(
                    () -> {
                        int i;
                        while ((i = next.getAndIncrement()) < nhsNumbers.size()) {
                            String messageId = LoadRun.messageIdPrefix(runId) + "person-" + i;
                            SoapClient.Answer answer = client.post(
                                    Envelopes.SUBMIT_DEMOGRAPHICS,
                                    Envelopes.demographics(messageId, SyntheticRecords.person(i, nhsNumbers.get(i))));
                            if (answer.kind() != SoapClient.Kind.ACK) {
                                problems.merge(answer.kind() + " " + answer.code(), 1, Integer::sum);
                            }
                        }
                    },
                    "setup-" + c);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        return new TreeMap<>(problems);
    }
}
