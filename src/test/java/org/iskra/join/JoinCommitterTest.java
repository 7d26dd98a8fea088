package org.iskra.join;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.iskra.testsupport.EmptyIskraTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Group commit against the real database: requests committed together are each stored once with their event and
 * mail, and one request the database refuses fails alone while the others of its group are stored.
 */
@EmptyIskraTest
class JoinCommitterTest {

    @Autowired
    JoinIntake intake;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aRequestTheDatabaseRefusesFailsAloneAndTheRestOfItsGroupIsStored() throws Exception {
        List<NewJoinRequest> requests = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            requests.add(request(i == 13 ? "XYZ" : "FR"));
        }
        ExecutorService senders = Executors.newFixedThreadPool(requests.size());
        CountDownLatch ready = new CountDownLatch(requests.size());
        try {
            List<Future<JoinIntake.Receipt>> receipts = new ArrayList<>();
            for (NewJoinRequest request : requests) {
                receipts.add(senders.submit(() -> {
                    // all at once, so that they share groups
                    ready.countDown();
                    ready.await();
                    return intake.receive(request);
                }));
            }
            for (int i = 0; i < requests.size(); i++) {
                NewJoinRequest request = requests.get(i);
                if (request.countryCode().equals("XYZ")) {
                    Future<JoinIntake.Receipt> refused = receipts.get(i);
                    assertThatThrownBy(refused::get).isInstanceOf(ExecutionException.class)
                            .hasCauseInstanceOf(JoinNotStoredException.class);
                    assertThat(rows(request.formToken())).isZero();
                } else {
                    JoinIntake.Receipt receipt = receipts.get(i).get();
                    assertThat(receipt.stored()).isTrue();
                    assertThat(rows(request.formToken())).isEqualTo(1);
                    assertThat(jdbc.sql("""
                                    select count(*) from join_event e join join_request r on r.id = e.request_id
                                     where r.public_id = ? and e.kind = 'received'""")
                            .param(receipt.publicId()).query(Long.class).single()).isEqualTo(1);
                }
            }
        } finally {
            senders.shutdownNow();
        }
    }

    @Test
    void aFormTokenAlreadyStoredReturnsTheFirstRequest() {
        NewJoinRequest request = request("FR");
        JoinIntake.Receipt first = intake.receive(request);

        JoinIntake.Receipt again = intake.receive(request);

        assertThat(first.stored()).isTrue();
        assertThat(again.stored()).isFalse();
        assertThat(again.publicId()).isEqualTo(first.publicId());
        assertThat(rows(request.formToken())).isEqualTo(1);
    }

    private long rows(String formToken) {
        return jdbc.sql("select count(*) from join_request where form_token = ?").param(formToken)
                .query(Long.class).single();
    }

    private static NewJoinRequest request(String country) {
        String key = UUID.randomUUID().toString();
        return new NewJoinRequest("token-" + key, country, "en", "/en/", "Name " + key, key + "@example.org", null,
                "City", null);
    }
}
