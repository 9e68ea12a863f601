export const helpText = `omniboard — render an Omniboard project from the terminal with Kling V3 Omni (MuleRouter).

Usage:
  omniboard render <project-folder> [options]
  omniboard export <project-folder> --otio [file] [--relative-paths] --fcpxml [file] --edl [file] --csv [file] --pdf [file]
                                    --srt [file] --vtt [file] --film [file] [--captions soft|burn …]
  omniboard import-script <project-folder> <script.fountain|.fdx> [--scenes 3-7] [--speak] [--dry-run]
  omniboard edit <project-folder> --clip <n|id> --take <m> "instruction" [--keep-sound] [options]
  omniboard --help

Renders clips exactly as the app's queue does: validates each clip, prints the plan (clips, takes, the
estimated cost and what it leaves of each budget), asks before sending, records the takes in the project before
anything is sent, submits them in timeline order, polls, and downloads each video to <project>/takes/, named
after the clip's place, its title and the take's number (e.g. takes/03-harbour-at-dawn-take2.mp4).
Without --clip or --stale every clip is rendered, one job at a time unless --concurrency says otherwise.
Nothing is sent if any selected clip has an error, or if the plan would pass a budget: the app's daily,
monthly or project cap (read from the app's settings) or --budget. A clip whose previous take is still running
is not sent again: that take is followed to the end instead. Every cost is an estimate from the app's rates.
Each clip goes to the Kling V3 Omni path its content needs: text-to-video; reference-to-video when it has
reference images; video-to-video/generation for a next shot, whose take's video link is asked afresh from
MuleRouter just before the POST (--dry-run shows it as take:<id>).

Options:
  --all                     render every clip (the default)
  --stale                   render only the clips whose request changed since their take (prompt, shots,
                            frames, elements or settings); nothing to do is not an error
  --clip <n|id>[,…]         render only these clips: 1-based positions on the timeline or ids, e.g. --clip 2,5,7
  --takes <n>               new takes per clip, 1 to 5 (default 1)
  --concurrency <n>         jobs at MuleRouter at once, 1 to 10 (default 1); lowered for a while after a 429
  --budget <usd>            refuse the run if its estimate passes this amount (on top of the app's budgets)
  -y, --yes                 send without asking; without a terminal to ask on, nothing is sent without it
  --dry-run                 validate and print the exact request body of each clip; send nothing (no key needed)
  --full                    with --dry-run, print images in full instead of shortened base64
  --base-url <url>          API address: mulerouter (default, https://api.mulerouter.ai), mulerun
                            (https://api.mulerun.com) or any URL, e.g. a fake server http://127.0.0.1:8787
  --image-encoding <form>   raw (default: bare base64) or data-uri (data:image/png;base64,…)
  --idle-timeout <s>        give up sending a clip after this many seconds without progress (default 60);
                            a slow upload goes on as long as it keeps moving
  --resubmit-unknown        for a clip whose last take may or may not have reached MuleRouter, send a new
                            take anyway (you may pay twice); without it such clips are skipped
  --timeout <duration>      stop waiting after this long in all (e.g. 90s, 45m, 2h; default 2h); takes
                            already sent stay in the project and continue next time
  -h, --help                show this help

Environment:
  MULEROUTER_API_KEY        your MuleRouter API key (required unless --dry-run). It is never printed or saved.
  OMNIBOARD_USER_DATA_DIR   the app's user data folder (its settings and the spend ledger the budgets count),
                            if not the usual one (~/.config/Omniboard, ~/Library/Application Support/Omniboard,
                            %APPDATA%\\Omniboard)

Output:
  Validation issues and progress go to stderr; with --dry-run each request body is printed to stdout as JSON.
  Ctrl-C stops waiting: takes already sent stay in the project and continue on the next render or in the app.
  A take whose video link is dead is asked about again for a fresh link; without one it ends as expired and
  the other clips carry on.

Exit codes:
  0  every selected clip rendered (or, with --dry-run, is valid; or you answered no; or --stale found nothing)
  2  usage error, MULEROUTER_API_KEY is not set, or no terminal to ask on and no --yes
  3  invalid project or clip (not found, locked, unreadable, or a clip with validation errors)
  4  MuleRouter refused the request (bad key, no credits, forbidden, rejected parameters, rate limited). With
     no credits or a refused key the run stops at once; the takes not sent yet stay queued in the project
  5  MuleRouter accepted the task but it failed, or Kling refused it for its content (the other clips go on)
  6  network trouble or anything else (including a submission whose outcome is unknown, an expired link, or
     a take Omniboard stopped following after an hour without a result)
  7  --timeout ran out before every selected clip finished
  8  the plan would pass a budget (today's, this month's, the project's or --budget); nothing was sent. Also
     when a take was held at send time because it would pass one
  130 interrupted (Ctrl-C)
  With several clips, the code is that of the first clip that did not complete.

Export (hand the storyboard to an editor; reads the project, never changes it, works while the app has it open):
  --otio [file]             OpenTimelineIO timeline; takes as absolute file:// URLs, found from anywhere
  --relative-paths          with --otio: takes as paths relative to the .otio instead (../takes/…), for Resolve
                            users who move the project folder; keep the .otio in exports/ then
  --fcpxml [file]           Final Cut Pro XML 1.9 (Final Cut Pro, DaVinci Resolve); absolute file:// media URLs
  --edl [file]              CMX3600 EDL, non-drop-frame at the takes' frame rate; BL (black) for clips without a take;
                            ASCII only (é → e, — → -, other scripts and emoji → ?): full names are in .otio/.fcpxml
  --csv [file]              shot list, UTF-8 with BOM; costs at the default published prices
  --pdf [file]              printable storyboard; needs a Chromium (CHROMIUM_PATH, /usr/bin/chromium) and
                            playwright-core, otherwise export the PDF from the app
  --srt [file]              the clips' caption lines as SubRip, timed to the cut (also written as <name>.srt
                            beside --otio, --fcpxml and --edl when any clip has captions)
  --vtt [file]              the same captions as WebVTT
  --film [file]             the film as one MP4 (takes joined, clips without a take held as stills); by default
                            <project-folder>/exports/<project name> <date>.mp4
  --captions soft|burn      with --film: the captions as a subtitle track players switch on (soft), or drawn
                            into the picture (burn; re-encodes the video). Burn-in style, all optional:
  --caption-font regular|bold   --caption-size small|medium|large   --caption-position bottom|top
  --caption-margin <0-20>   safe margin in percent of the picture (default 5)
  Without a file each goes to <project-folder>/exports/<project name>.<ext>; the paths written are printed on
  stdout, clips whose take file is missing or unreadable are named on stderr and left empty (gap or black).
  Exit codes: 0 written, 2 usage error, 3 project not found or unreadable, 6 a file could not be written, no PDF
  printer is available or the film could not be made, 130 interrupted (Ctrl-C) during the film.

Edit a take by instruction (video-to-video/edit; the result is a new take of the same clip, as long as the take):
  omniboard edit "My film.omniboard" --clip 2 --take 1 "add falling snow" --keep-sound
  The take must be 3–10 s, 720–2160 px on each side, 24–60 fps and at most 200 MB (it is probed first), and
  MuleRouter must still have its video: there is no upload, Kling fetches the take's own link. Billed by the
  take's length. Journaled before its one POST, like render.
  --take <m>                the take's number within the clip, from 1, in the order takes were made
  --keep-sound              keep the take's own sound (default: dropped)
  --negative <text>         a negative prompt
  --mode <std|pro>          720p or 1080p (default pro)
  -y, --yes, --dry-run, --base-url, --timeout (default 1h)   as for render
  Exit codes as for render.

Import a screenplay (Fountain .fountain/.spmd/.txt, or Final Draft .fdx; at most 4 MB):
  Prints the breakdown — each scene with its clips, their seconds, words and characters — and appends the clips
  after the project's own as one edit (one Ctrl/Cmd+Z in the app takes them back). Characters become elements:
  matched by name to the project's (case, accents and (V.O.)/(CONT'D) aside), else new ones waiting for a frontal
  image. A project that already holds clips from a script gets the newer draft instead: each scene is printed as
  new, changed, gone or same; unedited clips take the new words, edited ones and clips with takes are marked
  "script changed", never removed. The app must not have the project open (it holds the project's lock).
  --scenes <list>           only these scenes, e.g. 3-7 or 1,4,9-12: scene numbers (12A counts as 12), or places
                            in a script without numbers (a newer draft is always compared whole)
  --speak                   put the dialogue in the prompts, as Kling speaks it, with sound on
  --dry-run                 print the breakdown; change nothing
  Exit codes: 0 imported (or printed), 2 usage error or no scene matches --scenes, 3 project or script not
  found, unreadable or refused (too large, binary, not UTF-8, unsafe XML), 6 anything else.

Example against the fake server (npm run fake-api, in another terminal):
  MULEROUTER_API_KEY=sk-fake-local npx omniboard render "My film.omniboard" --base-url http://127.0.0.1:8787
  MULEROUTER_API_KEY=… npx omniboard render "My film.omniboard" --stale --concurrency 3 --budget 10 --yes
`
