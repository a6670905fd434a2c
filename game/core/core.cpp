// Placeholder translation unit; replaced by the simulation core.
namespace buyin { int core_version() { return 1; } }
