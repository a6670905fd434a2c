// The platform seam: what the UI may ask of the machine it runs on. One implementation per
// platform (services_web.cpp, services_desktop.cpp); the UI never knows which one it has.
#pragma once
#include <string>
#include <vector>

namespace buyin::platform {

// Browser tests find widgets by these rectangles (JSON: screen, items[{id,label,x,y,w,h}]).
void publish_ui_state(const std::string& json);
// Text for a screen reader (an ARIA live region on the web; stdout on the desktop).
void announce(const std::string& text);
// Offer bytes to the user as a file (a browser download; a file in the working folder natively).
void download(const std::string& filename, const std::string& mime, const std::string& bytes);
void copy_to_clipboard(const std::string& text);
// Ask for frames to be drawn even with no input (animations, async results).
void request_redraw();
// Small named files that survive reloads (IndexedDB on the web, a data folder natively).
// Names are plain file names ("progress.json"). read returns false when the file does not exist.
bool storage_read(const std::string& name, std::string& out);
// Writes atomically (temporary file, then rename) and flushes to persistent storage.
bool storage_write(const std::string& name, const std::string& bytes);
// Why the saved files could not be read when the app started, or "" when they could. While it is
// set, writes stay in memory: flushing them would overwrite what could not be read.
std::string storage_problem();
// The wall clock as ISO 8601 UTC ("2026-11-23T10:00:00Z"), for history entries.
std::string now_iso8601();
// A game just finished: a JSON summary for the page (web/lms.js reports it to an LMS, builds
// xAPI statements). Fields: mode, scenario, lesson, score, passed, ending, moves, player, team.
void game_finished(const std::string& json);
// Downloads the xAPI statements of every game finished in this session (web/lms.js builds them).
void export_xapi();
// What an LMS kept for this learner from an earlier session (SCORM suspend_data), or "".
std::string lms_resume_data();
// A link to this page that carries `fragment` after '#' (how challenge links are shared).
std::string page_link(const std::string& fragment);
// The text after '#' in the page address (a challenge link), or "".
std::string launch_fragment();
// Asks the user to pick files; their texts arrive through take_incoming_files().
void open_files();
// Files picked, dropped on the page, or otherwise handed in since the last call.
struct IncomingFile { std::string name, text; };
std::vector<IncomingFile> take_incoming_files();
// A file served next to the game that the first download leaves out (the typed-move model): asked
// for only when needed. The web fetches it (asynchronously: poll fetched() each frame; a redraw is
// requested when it arrives); the desktop reads it beside the executable. Asking again after a
// failure tries again; while it loads or once loaded, asking does nothing.
enum class FetchStatus { none, loading, done, failed };
struct Fetched { FetchStatus status = FetchStatus::none; std::string bytes, error; };
void fetch_file(const std::string& name);
const Fetched& fetched(const std::string& name);
// Forgets a fetched file (its bytes once used, or a copy found bad): asking again fetches it anew.
void fetch_forget(const std::string& name);
// Name of the platform, for the About screen.
const char* name();
// The third-party libraries this platform links beyond the UI's own, for the About screen's
// credits: {name, authors and license}, ended by {nullptr, nullptr}.
struct Credit { const char* name; const char* license; };
const Credit* credits();

}  // namespace buyin::platform
