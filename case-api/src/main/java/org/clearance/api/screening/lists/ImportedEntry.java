package org.clearance.api.screening.lists;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;
import org.clearance.api.screening.matching.ListedEntry;
import org.clearance.api.screening.matching.NameKind;
import org.clearance.api.screening.matching.PartyType;

/**
 * One entry read from a list file: its key (stable across versions of the list), the listing source
 * (SDN, EL, an OpenSanctions dataset …), what it is, its names and the evidence the matcher uses.
 */
public record ImportedEntry(
    String key,
    String source,
    PartyType type,
    String name,
    List<String> aliases,
    List<String> weakAliases,
    List<String> previousNames,
    List<String> countries,
    List<String> birthDates,
    String programs) {

  public ImportedEntry {
    aliases = List.copyOf(aliases);
    weakAliases = List.copyOf(weakAliases);
    previousNames = List.copyOf(previousNames);
    countries = List.copyOf(new TreeSet<>(countries));
    birthDates = List.copyOf(new TreeSet<>(birthDates));
  }

  /** The entry as the matcher sees it, names normalised. */
  public ListedEntry toListed(long id) {
    List<ListedEntry.ListedName> names = new java.util.ArrayList<>();
    names.add(ListedEntry.ListedName.of(name, NameKind.PRIMARY));
    aliases.forEach(a -> names.add(ListedEntry.ListedName.of(a, NameKind.ALIAS)));
    previousNames.forEach(a -> names.add(ListedEntry.ListedName.of(a, NameKind.PREVIOUS)));
    weakAliases.forEach(a -> names.add(ListedEntry.ListedName.of(a, NameKind.WEAK_ALIAS)));
    return new ListedEntry(id, key, type, names, new java.util.HashSet<>(countries), birthDates);
  }

  /** SHA-256 of everything screening reads, so a re-import can tell a changed entry. */
  public String contentHash() {
    String canonical =
        String.join(
            "\n",
            source,
            type.name(),
            name,
            String.join("|", new TreeSet<>(aliases)),
            String.join("|", new TreeSet<>(weakAliases)),
            String.join("|", new TreeSet<>(previousNames)),
            String.join("|", countries),
            String.join("|", birthDates),
            programs == null ? "" : programs);
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(canonical.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
