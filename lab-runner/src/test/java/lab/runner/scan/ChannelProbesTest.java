package lab.runner.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class ChannelProbesTest {

    @Test
    void the_callback_is_added_to_the_query_and_the_fragment_dropped() {
        assertThat(ChannelProbes.withCallback(URI.create("http://a.localhost:1/api/me.js"), "f"))
                .hasToString("http://a.localhost:1/api/me.js?callback=f");
        assertThat(ChannelProbes.withCallback(URI.create("http://a.localhost:1/x?v=1#top"), "f"))
                .hasToString("http://a.localhost:1/x?v=1&callback=f");
    }

    @Test
    void the_socket_address_keeps_the_scheme_s_security() {
        assertThat(ChannelProbes.socketUri(URI.create("http://a.localhost:1/ws")))
                .hasToString("ws://a.localhost:1/ws");
        assertThat(ChannelProbes.socketUri(URI.create("https://a.example/ws"))).hasToString("wss://a.example/ws");
    }

    @Test
    void only_an_answer_that_calls_the_probe_callback_counts() {
        assertThat(ChannelProbes.callsBack("/**/labScanProbe({\"a\":1});")).isTrue();
        assertThat(ChannelProbes.callsBack("  labScanProbe ({})")).isTrue();
        assertThat(ChannelProbes.callsBack("{\"callback\":\"labScanProbe(\"}")).isFalse();
        assertThat(ChannelProbes.callsBack("alert(1);labScanProbe({})")).isFalse();
        assertThat(ChannelProbes.callsBack(null)).isFalse();
    }
}
