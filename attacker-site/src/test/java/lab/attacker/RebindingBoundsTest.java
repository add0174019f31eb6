package lab.attacker;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import lab.attacker.rebind.RebindingProxy;
import lab.scenarios.ScenarioCatalogue;
import org.junit.jupiter.api.Test;

/** Any page can open connections to the rebinding forwarder: it forwards a bounded number at once. */
class RebindingBoundsTest {

    @Test
    void connections_past_the_bound_are_closed_at_once() throws Exception {
        try (AttackerServer attacker =
                new AttackerServer(ScenarioCatalogue.load(), () -> "http://social.localhost:1").start("127.0.0.1", 0)) {
            int extra = 20;
            List<Socket> sockets = new ArrayList<>();
            try {
                for (int i = 0; i < RebindingProxy.MAX_CONNECTIONS + extra; i++) {
                    sockets.add(new Socket("127.0.0.1", attacker.rebinding().port()));
                }
                // The forwarder accepts in order: the last ones are past the bound and see their end of stream.
                for (Socket refused : sockets.subList(RebindingProxy.MAX_CONNECTIONS, sockets.size())) {
                    refused.setSoTimeout(30_000);
                    assertThat(refused.getInputStream().read()).isEqualTo(-1);
                }
                assertThat(attacker.rebinding().openConnections()).isEqualTo(RebindingProxy.MAX_CONNECTIONS);
            } finally {
                for (Socket socket : sockets) {
                    socket.close();
                }
            }
        }
    }
}
