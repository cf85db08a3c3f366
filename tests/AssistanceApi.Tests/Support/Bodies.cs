using System.Text.Json.Nodes;

namespace AssistanceApi.Tests.Support;

/// <summary>Whole bodies: requests that pass every treaty rule (tests break one thing at a time), and a directory entry.</summary>
public static class Bodies
{
    /// <summary>A complete mutual legal assistance request from FRA (caller) to the given State.</summary>
    public static JsonObject CompleteMla(string requestedState = "DEU", string language = "en") => new()
    {
        ["kind"] = "mutual-legal-assistance",
        ["requestedState"] = requestedState,
        ["legalBasis"] = "convention",
        ["language"] = language,
        ["requestingAuthority"] = new JsonObject { ["name"] = "Parquet national cyber", ["functions"] = "Prosecutor", ["email"] = "cyber@parquet.example.org" },
        ["proceeding"] = new JsonObject
        {
            ["nature"] = "investigation",
            ["subject"] = "Ransomware attack on a hospital",
            ["reference"] = "PNC-2026-42",
            ["conductingAuthority"] = new JsonObject { ["name"] = "Investigating judge, Paris", ["functions"] = "Investigating judge" },
        },
        ["offences"] = new JsonArray(new JsonObject { ["article"] = 7 }),
        ["facts"] = "The hospital's systems were encrypted on 2 March 2026.",
        ["measures"] = new JsonArray("taking-evidence"),
        ["assistanceSought"] = "Hear the system administrator as a witness.",
        ["purpose"] = "To establish how access was gained.",
        ["persons"] = new JsonArray(new JsonObject { ["name"] = "A. Witness", ["role"] = "witness", ["location"] = "Berlin", ["nationality"] = "DEU" }),
    };

    /// <summary>A draft with only the two required fields.</summary>
    public static JsonObject MinimalDraft(string requestedState = "DEU", string kind = "mutual-legal-assistance") => new()
    {
        ["kind"] = kind,
        ["requestedState"] = requestedState,
    };

    /// <summary>A complete expedited preservation request from FRA (Art. 42(2)(a)–(f), 60 days).</summary>
    public static JsonObject CompletePreservation(string requestedState = "DEU", string language = "en") => new()
    {
        ["kind"] = "expedited-preservation",
        ["requestedState"] = requestedState,
        ["language"] = language,
        ["requestingAuthority"] = new JsonObject { ["name"] = "OFAC cybercrime unit", ["functions"] = "Police" },
        ["offences"] = new JsonArray(new JsonObject { ["article"] = 7 }),
        ["facts"] = "An intrusion into a hospital network on 2 March 2026 from a server hosted in the requested State.",
        ["preservation"] = new JsonObject
        {
            ["custodian"] = "Example Hosting GmbH",
            ["systemLocation"] = "Frankfurt data centre",
            ["data"] = "Connection logs of server 203.0.113.7 from 1 to 3 March 2026",
            ["relationshipToOffence"] = "The intrusion came from this server.",
            ["necessity"] = "The host keeps logs for 14 days only.",
            ["followUpIntended"] = true,
            ["periodDays"] = 90,
        },
    };

    /// <summary>A follow-up request for the preserved data, naming the preservation (Art. 42).</summary>
    public static JsonObject FollowUpMla(string preservationId, string requestedState = "DEU")
    {
        var body = CompleteMla(requestedState);
        body["measures"] = new JsonArray("stored-data-access");
        body["electronicData"] = new JsonObject { ["categories"] = new JsonArray("traffic"), ["identifiers"] = new JsonArray("203.0.113.7") };
        body["relatedRequestId"] = preservationId;
        return body;
    }

    /// <summary>A complete request that also names a deadline in the future, with its reasons.</summary>
    public static JsonObject CompleteMlaWithDeadline(string deadline, string requestedState = "DEU")
    {
        var body = CompleteMla(requestedState);
        body["deadline"] = deadline;
        body["deadlineReasons"] = "The suspect's trial opens on that day.";
        return body;
    }

    /// <summary>A complete MLA request (FRA → requestedState) seeking one measure on electronic data (Arts. 44–46).</summary>
    public static JsonObject ElectronicMla(string measure, string requestedState = "DEU", JsonObject? electronicData = null)
    {
        var body = CompleteMla(requestedState);
        body["measures"] = BodyParts.Array(measure);
        body["assistanceSought"] = $"Carry out {measure} on the account named.";
        if (electronicData is not null) body["electronicData"] = electronicData;
        return body;
    }

    /// <summary>
    /// An expedited preservation from FRA's 24/7 point of contact with the Art. 42(2) contents filled in and the
    /// Convention as its legal basis (<see cref="CompletePreservation"/> names none).
    /// </summary>
    public static JsonObject ContactPointPreservation(string requestedState, string language = "en") => new()
    {
        ["kind"] = "expedited-preservation",
        ["requestedState"] = requestedState,
        ["legalBasis"] = "convention",
        ["language"] = language,
        ["requestingAuthority"] = new JsonObject { ["name"] = "France 24/7 contact point", ["functions"] = "Police" },
        ["offences"] = new JsonArray(new JsonObject { ["article"] = 7 }),
        ["facts"] = "The hospital's systems were encrypted on 2 March 2026.",
        ["preservation"] = new JsonObject
        {
            ["custodian"] = "Example Hosting GmbH",
            ["systemLocation"] = "Frankfurt data centre",
            ["data"] = "Logs of server 203.0.113.7",
            ["relationshipToOffence"] = "The attack was staged from this server.",
            ["necessity"] = "The logs are overwritten after 14 days.",
            ["followUpIntended"] = true,
            ["periodDays"] = 90,
        },
    };

    /// <summary>A traffic-data disclosure (Art. 43) from the caller's State, naming the preservation it follows.</summary>
    public static JsonObject Disclosure(string? relatedRequestId, string requestedState = "DEU")
    {
        var body = new JsonObject
        {
            ["kind"] = "traffic-data-disclosure",
            ["requestedState"] = requestedState,
            ["language"] = "en",
            ["requestingAuthority"] = new JsonObject { ["name"] = "OFAC cybercrime unit", ["functions"] = "Police" },
            ["offences"] = new JsonArray(new JsonObject { ["article"] = 7 }),
            ["facts"] = "The intrusion was relayed through a second provider.",
        };
        if (relatedRequestId is not null) body["relatedRequestId"] = relatedRequestId;
        return body;
    }

    /// <summary>A valid body for a State directory entry (PUT /states/{code}).</summary>
    public static JsonObject StateBody(
        string status = "party", string? signedOn = "2025-10-25", string? ratifiedOn = "2025-12-15", string? inForceOn = "2026-01-01",
        string[]? languages = null, string email = "central-authority@nor.example.org") => new()
    {
        ["convention"] = new JsonObject { ["status"] = status, ["signedOn"] = signedOn, ["ratifiedOn"] = ratifiedOn, ["inForceOn"] = inForceOn },
        ["centralAuthority"] = new JsonObject { ["name"] = "Norway central authority (test)", ["email"] = email, ["phone"] = "+47 00 00 00 00" },
        ["contactPoint"] = new JsonObject { ["name"] = "Norway 24/7 contact point (test)", ["email"] = "247@nor.example.org", ["phone"] = "+47 00 00 00 01" },
        ["acceptedLanguages"] = new JsonArray((languages ?? ["no", "en"]).Select(l => (JsonNode)l!).ToArray()),
        ["declarations"] = new JsonObject
        {
            ["requiresDualCriminality"] = false, ["acceptsRealTimeTrafficCollection"] = true, ["acceptsContentInterception"] = false,
        },
        ["source"] = "Notification to the Secretary-General (test)",
    };
}
