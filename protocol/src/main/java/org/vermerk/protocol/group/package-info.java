/**
 * The group logic of RFC 9420 §8, §11 and §12: one member's view of a group, split by operation.
 *
 * <ul>
 *   <li>{@link org.vermerk.protocol.group.Group}: the engine API (create, join, commit, propose,
 *       process, encrypt, export, members) over the state of the current epoch;
 *   <li>{@code EpochState}: one epoch, never changed by a commit (the next is built from copies);
 *   <li>{@code GroupCreation} (§11), {@code WelcomeJoin} (§12.4.3.1), {@code ExternalCommit}
 *       (§12.4.3.2, the joiner's side);
 *   <li>{@code ProposalValidation} (§12.1, §12.2, §12.4.3.2) and {@code ProposalApplier}
 *       (§12.4.2), with every rule in {@link org.vermerk.protocol.group.GroupRule};
 *   <li>{@code CommitBuilder} (§12.4.1, with the Welcome) and {@code CommitProcessor} (§12.4.2,
 *       members' and external commits) yielding a {@link org.vermerk.protocol.group.StagedCommit};
 *   <li>{@code Protection} and {@code ApplicationMessages} (§6), {@code PskResolver} (§8.4, §8.6),
 *       {@code GroupInfoFactory} (§12.4.3).
 * </ul>
 *
 * TreeKEM (path secrets, node keys, commit secret) is called from {@code org.vermerk.protocol.treekem},
 * never re-implemented here.
 *
 * <p>Threading: nothing here is thread-safe; the application serialises the work on one group (one
 * worker per conversation). Errors are {@link org.vermerk.protocol.MlsException}s naming a rule.
 */
package org.vermerk.protocol.group;
