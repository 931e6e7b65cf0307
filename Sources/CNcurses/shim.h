// The small C surface that Swift sees of ncursesw. Swift 6 refuses global mutable variables
// (stdscr, COLORS, stdout) and does not import function-like macros (COLOR_PAIR, A_BOLD,
// KEY_F), so these are wrapped in static inline functions. Plain integer macros (KEY_UP,
// KEY_RESIZE, KEY_CODE_YES, ERR, OK) import as they are.
#ifndef BESCHERMBORD_CNCURSES_SHIM_H
#define BESCHERMBORD_CNCURSES_SHIM_H

#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1
#include <ncursesw/curses.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>
#include <termios.h>
#include <unistd.h>

// MARK: Screen and windows

static inline SCREEN *bb_newterm(void) { return newterm(NULL, stdout, stdin); }
static inline WINDOW *bb_stdscr(void) { return stdscr; }
static inline WINDOW *bb_curscr(void) { return curscr; }
static inline int bb_getmaxy(WINDOW *win) { return getmaxy(win); }
static inline int bb_getmaxx(WINDOW *win) { return getmaxx(win); }
static inline int bb_colors(void) { return COLORS; }
static inline int bb_color_pairs(void) { return COLOR_PAIRS; }

/// Turns off XON/XOFF flow control so that Ctrl-S (save) and Ctrl-Q reach the program, and
/// makes it part of curses' program mode so that it survives Ctrl-Z and fg.
static inline void bb_disable_flow_control(void) {
    struct termios modes;
    if (tcgetattr(STDIN_FILENO, &modes) == 0) {
        modes.c_iflag &= ~(tcflag_t)(IXON | IXOFF);
        tcsetattr(STDIN_FILENO, TCSANOW, &modes);
        def_prog_mode();
    }
}

// MARK: Mouse

/// The reports the board asks for: a click, a double click and the wheel (buttons 4 and 5).
static inline mmask_t bb_mouse_mask(void) {
    return BUTTON1_CLICKED | BUTTON1_DOUBLE_CLICKED | BUTTON4_PRESSED | BUTTON5_PRESSED;
}

/// What a report is: 1 click, 2 double click, 3 wheel up, 4 wheel down, 0 anything else.
static inline int bb_mouse_kind(mmask_t state) {
    if (state & BUTTON1_DOUBLE_CLICKED) return 2;
    if (state & BUTTON1_CLICKED) return 1;
    if (state & BUTTON4_PRESSED) return 3;
    if (state & BUTTON5_PRESSED) return 4;
    return 0;
}

// MARK: Attributes

static inline attr_t bb_color_pair(int n) { return (attr_t)COLOR_PAIR(n); }
static inline attr_t bb_a_normal(void) { return A_NORMAL; }
static inline attr_t bb_a_bold(void) { return A_BOLD; }
static inline attr_t bb_a_dim(void) { return A_DIM; }
static inline attr_t bb_a_reverse(void) { return A_REVERSE; }
static inline attr_t bb_a_underline(void) { return A_UNDERLINE; }
static inline attr_t bb_a_italic(void) { return A_ITALIC; }
/// A line-drawing character from the terminal's alternate character set ('q' is a horizontal
/// line, 'x' vertical, 'l' 'k' 'm' 'j' corners...), for locales that cannot show U+2500.
static inline chtype bb_acs(char c) { return NCURSES_ACS(c); }

// wcwidth is X/Open; declared here because the libc module may hide it.
extern int wcwidth(wchar_t c);
static inline int bb_wcwidth(wchar_t c) { return wcwidth(c); }

// MARK: Keys

static inline int bb_key_f(int n) { return KEY_F(n); }

// MARK: Signals
//
// SIGINT, SIGTERM and SIGHUP only record which signal came; the Swift loop asks with
// bb_take_signal() and shuts down in an orderly way. The handler is installed without
// SA_RESTART so that a blocking wget_wch returns ERR and the loop notices at once.
// SIGTSTP is left to ncurses (it installs its own handler in newterm when the disposition is
// the default): it leaves curses mode, stops, and on `fg` restores the tty modes and repaints
// from its own copy of the screen. SIGCONT is recorded as well so that the Swift side can
// repaint everything once more after a resume (the terminal may have been used meanwhile).
//
// The flags are `static`, so every object file that uses these functions gets its own copy:
// call them from ONE Swift file only (Sources/Terminal/CursesTerminal.swift).

static volatile sig_atomic_t bb_pending_signal = 0;
static volatile sig_atomic_t bb_pending_continue = 0;

static void bb_record_signal(int signo) { bb_pending_signal = signo; }
static void bb_record_continue(int signo) { (void)signo; bb_pending_continue = 1; }

static inline void bb_set_handler(int signo, void (*handler)(int), int flags) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = flags;
    sigaction(signo, &action, NULL);
}

static inline void bb_install_signal_handlers(void) {
    bb_set_handler(SIGINT, bb_record_signal, 0);
    bb_set_handler(SIGTERM, bb_record_signal, 0);
    bb_set_handler(SIGHUP, bb_record_signal, 0);
    bb_set_handler(SIGCONT, bb_record_continue, SA_RESTART);
}

/// Puts SIGINT, SIGTERM, SIGHUP and SIGCONT back to their default dispositions.
static inline void bb_restore_signal_handlers(void) {
    bb_set_handler(SIGINT, SIG_DFL, 0);
    bb_set_handler(SIGTERM, SIG_DFL, 0);
    bb_set_handler(SIGHUP, SIG_DFL, 0);
    bb_set_handler(SIGCONT, SIG_DFL, 0);
}

/// The last SIGINT/SIGTERM/SIGHUP received since the previous call, or 0; clears it.
static inline int bb_take_signal(void) {
    int signo = bb_pending_signal;
    bb_pending_signal = 0;
    return signo;
}

/// 1 when the process was continued (after Ctrl-Z and `fg`) since the previous call; clears it.
static inline int bb_take_continue(void) {
    int continued = bb_pending_continue;
    bb_pending_continue = 0;
    return continued;
}

#endif
