namespace AssistanceApi.Tests.Support;

/// <summary>The documented demo keys (seeds/demo/clients.json stores only their hashes).</summary>
public static class DemoKeys
{
    public const string Fra = "demo-fra-ca";
    public const string Deu = "demo-deu-ca";
    public const string Bra = "demo-bra-ca";
    public const string Ken = "demo-ken-ca";
    public const string Vnm = "demo-vnm-ca";
    public const string Qat = "demo-qat-ca";
    public const string Nor = "demo-nor-ca";
    public const string Fra247 = "demo-fra-247";
    public const string Deu247 = "demo-deu-247";
    public const string FraAdmin = "demo-fra-admin";
    public const string DeuAdmin = "demo-deu-admin";
    public const string Secretariat = "demo-secretariat";
}
