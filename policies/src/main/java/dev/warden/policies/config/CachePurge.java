package dev.warden.policies.config;

import java.util.List;

/**
 * {@code cache.purge}: the partitions whose entries a reload drops before the new policy serves a
 * call, once per {@code id}: a reload whose policy carries an id the policy in force did not carry
 * purges; saving the file again for another reason, with the same id, does not.
 *
 * @param id         names this purge (e.g. the incident's ticket); a new id purges again
 * @param partitions {@code key:<scope id>} or {@code principal:<name>}, as the cache partitions them
 */
public record CachePurge(String id, List<String> partitions) {}
