using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using AssistanceApi.Http;

namespace AssistanceApi.Features.Requests.Update;

/// <summary>
/// The names a merge patch may use: those of <see cref="RequestContent"/>, spelt exactly, at every level. A patch
/// that sets an unknown name to null would otherwise "remove" nothing, pass, and carry its names into the history.
/// </summary>
public static class PatchFields
{
    public static List<ProblemError> Unknown(JsonObject patch)
    {
        var errors = new List<ProblemError>();
        Collect(patch, JsonDefaults.Options.GetTypeInfo(typeof(RequestContent)), "", errors);
        return errors;
    }

    private static void Collect(JsonObject patch, JsonTypeInfo type, string prefix, List<ProblemError> errors)
    {
        foreach (var (name, value) in patch)
        {
            var path = prefix + name;
            var property = type.Properties.FirstOrDefault(p => p.Name == name);
            if (property is null)
                errors.Add(new ProblemError(path, "not a field of a request (names are case-sensitive).", "unknown-field"));
            else if (value is JsonObject nested && JsonDefaults.Options.GetTypeInfo(property.PropertyType) is { Kind: JsonTypeInfoKind.Object } inner)
                Collect(nested, inner, path + ".", errors);
        }
    }
}
