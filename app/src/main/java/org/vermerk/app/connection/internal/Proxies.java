package org.vermerk.app.connection.internal;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import okhttp3.OkHttpClient;
import org.vermerk.app.policy.ProxySetting;

/**
 * The admin policy's {@code proxy} for OkHttp: {@code system} leaves the JDK's default selector,
 * {@code none} connects directly, {@code manual} sends everything through one HTTP proxy (a CONNECT
 * tunnel for {@code wss}) except the bypass list: host names, {@code *.domain} patterns, IP
 * addresses and CIDR ranges of IP literals. {@code pac} is not evaluated yet and acts as {@code
 * system}.
 */
final class Proxies {
    private Proxies() {}

    static void apply(OkHttpClient.Builder builder, ProxySetting setting) {
        switch (setting) {
            case ProxySetting.NoProxy none -> builder.proxy(Proxy.NO_PROXY);
            case ProxySetting.Manual manual -> builder.proxySelector(new ManualSelector(manual));
            case ProxySetting.UseSystem system -> {}
            case ProxySetting.Pac pac -> {}
        }
    }

    static final class ManualSelector extends ProxySelector {
        private final ProxySetting.Manual setting;
        private final Proxy proxy;

        ManualSelector(ProxySetting.Manual setting) {
            this.setting = setting;
            this.proxy = new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(setting.host(), setting.port()));
        }

        @Override
        public List<Proxy> select(URI uri) {
            String host = uri.getHost() == null ? "" : uri.getHost();
            return bypassed(host, setting.bypass()) ? List.of(Proxy.NO_PROXY) : List.of(proxy);
        }

        @Override
        public void connectFailed(URI uri, SocketAddress address, IOException e) {}
    }

    static boolean bypassed(String rawHost, List<String> bypass) {
        String host = rawHost.toLowerCase(Locale.ROOT).replace("[", "").replace("]", "");
        for (String raw : bypass) {
            String pattern = raw.toLowerCase(Locale.ROOT).strip();
            if (pattern.startsWith("*.")) {
                if (host.endsWith(pattern.substring(1))) {
                    return true;
                }
            } else if (pattern.contains("/")) {
                if (inRange(host, pattern)) {
                    return true;
                }
            } else if (host.equals(pattern)) {
                return true;
            }
        }
        return false;
    }

    private static boolean inRange(String host, String cidr) {
        if (!isIpLiteral(host)) {
            return false;
        }
        try {
            String[] parts = cidr.split("/", 2);
            byte[] address = InetAddress.ofLiteral(host).getAddress();
            byte[] network = InetAddress.ofLiteral(parts[0]).getAddress();
            int bits = Integer.parseInt(parts[1]);
            if (address.length != network.length || bits < 0 || bits > address.length * 8) {
                return false;
            }
            int shift = address.length * 8 - bits;
            return new BigInteger(1, address).shiftRight(shift).equals(new BigInteger(1, network).shiftRight(shift));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isIpLiteral(String host) {
        return host.contains(":") || host.matches("[0-9.]+");
    }
}
