package org.clearance.api.determination.rest;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.clearance.api.common.domain.CountryCodes;
import org.clearance.api.common.error.FieldError;
import org.clearance.api.common.rest.ProblemException;
import org.clearance.api.determination.domain.CountryGroup;
import org.clearance.api.determination.domain.CountryGroupMembership;
import org.clearance.api.determination.service.CountryGroupService;
import org.clearance.api.security.service.Caller;

/** The date-effective country-group table: staff read it, admins change it. */
@Path("/api/admin/country-groups")
@Authenticated
public class CountryGroupResource {

  /** One membership as listed. */
  public record MembershipResponse(
      String countryCode, String group, LocalDate validFrom, LocalDate validTo, String changedBy) {
    static MembershipResponse of(CountryGroupMembership m) {
      return new MembershipResponse(
          m.countryCode(), m.group().code(), m.validFrom(), m.validTo(), m.changedBy());
    }
  }

  /** A country's groups from a day on; an empty list takes the country out of every group. */
  public record ChangeRequest(List<String> groups, LocalDate validFrom) {}

  private final CountryGroupService countryGroups;
  private final Caller caller;
  private final Clock clock;

  CountryGroupResource(CountryGroupService countryGroups, Caller caller, Clock clock) {
    this.countryGroups = countryGroups;
    this.caller = caller;
    this.clock = clock;
  }

  @GET
  public List<MembershipResponse> list(
      @QueryParam("on") String on, @QueryParam("country") String country) {
    if (!caller.hasRole(Caller.ADMIN) && !caller.isCaseStaff()) {
      throw ProblemException.forbidden(
          "Country groups are open to admins and case staff; your roles are "
              + caller.roles()
              + ".");
    }
    LocalDate day = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    if (on != null && !on.isBlank()) {
      try {
        day = LocalDate.parse(on.strip());
      } catch (DateTimeParseException e) {
        throw ProblemException.badRequest(
            "invalid-search",
            "The search cannot be run",
            "Some parameters are invalid.",
            List.of(new FieldError("on", "must be a date like 2026-12-01")));
      }
    }
    String countryCode =
        country == null || country.isBlank() ? null : country.strip().toUpperCase(Locale.ROOT);
    if (countryCode != null && !CountryCodes.isAssigned(countryCode)) {
      throw ProblemException.badRequest(
          "invalid-search",
          "The search cannot be run",
          "Some parameters are invalid.",
          List.of(new FieldError("country", "must be an ISO 3166-1 alpha-2 code such as JP")));
    }
    return countryGroups.inForce(day, countryCode).stream().map(MembershipResponse::of).toList();
  }

  @PUT
  @Path("{countryCode}")
  @Consumes(MediaType.APPLICATION_JSON)
  public List<MembershipResponse> change(
      @PathParam("countryCode") String countryCode, ChangeRequest request) {
    if (!caller.hasRole(Caller.ADMIN)) {
      throw ProblemException.forbidden(
          "Only admins change country groups; your roles are " + caller.roles() + ".");
    }
    List<FieldError> errors = new ArrayList<>();
    String code = countryCode.strip().toUpperCase(Locale.ROOT);
    if (!CountryCodes.isAssigned(code)) {
      errors.add(new FieldError("countryCode", "must be an ISO 3166-1 alpha-2 code"));
    }
    Set<CountryGroup> groups = EnumSet.noneOf(CountryGroup.class);
    if (request == null || request.groups() == null) {
      errors.add(new FieldError("groups", "must be given (an empty list removes every group)"));
    } else {
      for (String group : request.groups()) {
        try {
          groups.add(CountryGroup.ofCode(String.valueOf(group).strip()));
        } catch (IllegalArgumentException e) {
          errors.add(
              new FieldError("groups", "unknown group " + group + "; use A:1, D:1, D:5, E:1, E:2"));
        }
      }
    }
    if (request == null || request.validFrom() == null) {
      errors.add(new FieldError("validFrom", "must be given"));
    }
    if (!errors.isEmpty()) {
      throw ProblemException.badRequest(
          "validation-failed",
          "The change has invalid fields",
          errors.size() + " field(s) are invalid.",
          errors);
    }
    return countryGroups.change(code, groups, request.validFrom(), caller.username()).stream()
        .map(MembershipResponse::of)
        .toList();
  }
}
