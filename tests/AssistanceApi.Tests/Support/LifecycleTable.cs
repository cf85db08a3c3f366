using System.Text.Json.Nodes;

namespace AssistanceApi.Tests.Support;

/// <summary>
/// The lifecycle table of contract section 4, written down independently of src/, and the named positions in it
/// that <see cref="Case"/> brings a request between FRA (requesting) and DEU (requested) to.
/// </summary>
public static class LifecycleTable
{
    public const string Requesting = "requesting";
    public const string Requested = "requested";

    public static readonly string[] Actions =
    [
        "withdraw", "acknowledge", "request-information", "provide-information", "start-execution", "consult",
        "accept-conditions", "decline-conditions", "refuse", "postpone", "resume", "complete",
    ];

    public static readonly string[] Terminal = ["executed", "partially-executed", "refused", "withdrawn"];

    /// <summary>Which side takes each action (contract §4, column "by").</summary>
    public static string SideOf(string action) =>
        action is "withdraw" or "provide-information" or "accept-conditions" or "decline-conditions" ? Requesting : Requested;

    public static string OtherSide(string side) => side == Requesting ? Requested : Requesting;

    /// <summary>A body each action accepts.</summary>
    public static JsonObject ValidBody(string action) => action switch
    {
        "withdraw" => new JsonObject { ["reason"] = "The suspect confessed." },
        "acknowledge" => new JsonObject { ["requestedReference"] = "BfJ-2026-1" },
        "request-information" => new JsonObject { ["questions"] = new JsonArray("Which mailbox?") },
        "provide-information" => new JsonObject { ["answers"] = new JsonArray("ransom@mail.example.org") },
        "consult" => new JsonObject { ["intent"] = "refuse", ["proposedConditions"] = new JsonArray("Use only in proceeding PNC-2026-42") },
        "accept-conditions" => new JsonObject { ["comment"] = "Agreed." },
        "decline-conditions" => new JsonObject { ["comment"] = "We need the data for a second proceeding." },
        "refuse" => new JsonObject { ["grounds"] = new JsonArray("essential-interests"), ["reasons"] = "National security." },
        "postpone" => new JsonObject { ["reasons"] = "A domestic trial is under way.", ["until"] = "2027-03-01" },
        "complete" => new JsonObject { ["outcome"] = "executed", ["summary"] = "Witness heard on 3 December." },
        _ => new JsonObject(),
    };

    /// <summary>
    /// Named positions in the lifecycle and the steps that reach them from "submitted". A position names its
    /// status, and where it matters how it got there.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, (string Status, (string Action, JsonObject? Body)[] Steps)> Paths =
        new Dictionary<string, (string, (string, JsonObject?)[])>
        {
            ["draft"] = ("draft", []),
            ["submitted"] = ("submitted", []),
            ["acknowledged"] = ("acknowledged", [("acknowledge", null)]),
            ["in-execution"] = ("in-execution", [("acknowledge", null), ("start-execution", null)]),
            ["information-requested"] = ("information-requested", [("acknowledge", null), ("request-information", null)]),
            ["information-requested-in-execution"] = ("information-requested",
                [("acknowledge", null), ("start-execution", null), ("request-information", null)]),
            ["consultation"] = ("consultation", [("acknowledge", null), ("consult", null)]),
            ["consultation-in-execution"] = ("consultation", [("acknowledge", null), ("start-execution", null), ("consult", null)]),
            ["consultation-declined"] = ("consultation", [("acknowledge", null), ("consult", null), ("decline-conditions", null)]),
            ["postponed"] = ("postponed", [("acknowledge", null), ("consult", null), ("decline-conditions", null), ("postpone", null)]),
            ["executed"] = ("executed", [("acknowledge", null), ("start-execution", null), ("complete", null)]),
            ["partially-executed"] = ("partially-executed", [("acknowledge", null), ("start-execution", null),
                ("complete", new JsonObject { ["outcome"] = "partially-executed", ["summary"] = "Logs sent.", ["unexecutedReasons"] = "The witness has died." })]),
            ["refused"] = ("refused", [("acknowledge", null), ("consult", null), ("decline-conditions", null), ("refuse", null)]),
            ["withdrawn"] = ("withdrawn", [("withdraw", null)]),
        };

    /// <summary>What allowedActions the contract table gives each side at each position (MLA request, fresh consultation).</summary>
    public static string[] ExpectedAllowed(string path, string side) => (path, side) switch
    {
        ("draft", Requesting) => ["submit"],
        ("draft", Requested) => [],
        ("submitted", Requesting) => ["withdraw"],
        ("submitted", Requested) => ["acknowledge"],
        ("acknowledged", Requesting) => ["withdraw"],
        ("acknowledged", Requested) => ["request-information", "start-execution", "consult"],
        ("in-execution", Requesting) => ["withdraw"],
        ("in-execution", Requested) => ["request-information", "consult", "complete"],
        ("information-requested" or "information-requested-in-execution", Requesting) => ["withdraw", "provide-information"],
        ("information-requested" or "information-requested-in-execution", Requested) => [],
        ("consultation" or "consultation-in-execution", Requesting) => ["withdraw", "accept-conditions", "decline-conditions"],
        ("consultation" or "consultation-in-execution", Requested) => [],
        ("consultation-declined", Requesting) => ["withdraw", "accept-conditions", "decline-conditions"],
        ("consultation-declined", Requested) => ["refuse", "postpone"],
        ("postponed", Requesting) => ["withdraw"],
        ("postponed", Requested) => ["resume"],
        ("executed" or "partially-executed" or "refused" or "withdrawn", _) => [],
        _ => throw new ArgumentException($"no expectation for {path}/{side}"),
    };

    public static string[] Sorted(IEnumerable<string> items) => items.OrderBy(s => s, StringComparer.Ordinal).ToArray();
}
