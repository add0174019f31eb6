package lab.victim.web;

import lab.victim.VictimServer;
import lab.victim.defence.Defences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A fresh victim on a free loopback port for each test, with a client that speaks to it as a browser would. */
abstract class VictimHttpTest {

    protected static final String EVIL = "http://evil.localhost:7002";
    protected VictimServer victim;
    protected TestClient client;

    @BeforeEach
    void startVictim() {
        victim = new VictimServer(Defences.WIDE_OPEN).start("127.0.0.1", 0);
        client = new TestClient(victim);
    }

    @AfterEach
    void stopVictim() {
        victim.close();
    }
}
