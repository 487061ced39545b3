package org.vermerk.packaging;

/**
 * The installed package's {@code vermerk-client} launcher: {@code vermerk client} with the desktop
 * client's JVM options, which a jpackage launcher can only give per launcher, not per subcommand
 * (ADR 0027). Its arguments are {@code vermerk client}'s ({@code --home}, {@code --policy}).
 */
public final class ClientLauncher {
    private ClientLauncher() {}

    public static void main(String[] args) {
        String[] client = clientArguments(args);
        if (VermerkCommand.opensTheClient(client)) {
            org.vermerk.ui.VermerkClient.startToolkit(); // while the command line is read (ADR 0027)
        }
        ClassDataArchive.prepare(System.getProperty("vermerk.client.archive"));
        System.exit(VermerkCommand.forArguments(client).execute(client));
    }

    /** {@code client} followed by the launcher's own arguments. */
    static String[] clientArguments(String[] args) {
        String[] all = new String[args.length + 1];
        all[0] = "client";
        System.arraycopy(args, 0, all, 1, args.length);
        return all;
    }
}
