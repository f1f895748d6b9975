"""Every layout number, in px, one comment each. Geometry only: colours live in theme.py."""

MARGIN = 12                # empty border around the whole drawing
FONT_SIZE = 13             # message, note and participant text size
LINE_HEIGHT = 17           # baseline-to-baseline distance of text lines
ASCENT = 12                # baseline offset from the top of a text line
TITLE_SIZE = 17            # title text size (bold)
TITLE_LINE = 22            # title line height
TITLE_GAP = 12             # space between the title and the participant heads
TITLE_CENTRE_MAX = 960     # wider diagrams start the title at the left margin, where a scrolled frame shows it
SMALL_SIZE = 11            # size of autonumber digits and frame keywords
TEXT_SLACK = 4             # extra width given to every text box for font differences

PART_PAD_X = 6             # participant box horizontal padding around the name
PART_PAD_Y = 7             # participant box vertical padding around the name
PART_MIN_W = 56            # narrowest participant box
PART_RADIUS = 5            # corner radius of participant boxes
PART_GAP = 10              # least horizontal gap between neighbouring heads
HEAD_WRAP = 104            # participant names wrap (at spaces) beyond this width
ACTOR_FIG_H = 34           # height of the actor stick figure
ACTOR_FIG_W = 22           # width of the actor stick figure (arm span)
ACTOR_HEAD_R = 5           # radius of the actor's head
ACTOR_LABEL_GAP = 3        # gap between the stick figure and its name
DB_CAP = 6                 # vertical radius of a database cylinder's ellipse

LIFELINE_TAIL = 10         # lifeline length below the last event when there is no footer
ROW_GAP = 9                # vertical gap between consecutive rows (events)
FIRST_ROW_GAP = 12         # gap between the heads and the first event
LAST_ROW_GAP = 14          # gap between the last event and the footer heads

# Wrapping (see layout._fit): labels wrap at the widest step that keeps the
# diagram within TARGET_WIDTH; text size never changes.
TARGET_WIDTH = 1200        # widest diagram the compact layout aims for (websequencediagrams' cap)
FIT_SLACK = 30             # room kept for what the width estimate leaves out (frames, overhangs)
WRAP_STEPS = (360, 300, 250, 210, 180, 150, 130)  # label wrap widths tried, widest first
NOTE_WRAP = 300            # note text wraps at this width (notes may cover neighbouring lifelines)
LABEL_MAX = 420            # a label on a long arrow may unwrap up to this width
FRAME_LABEL_WRAP = 340     # frame conditions and else labels wrap at this width at most
FRAME_LABEL_MIN = 220      # ... and at the width their frame's content gives them, but not below this
LONG_ARROW = 380           # arrows longer than this carry their label next to the sender
LABEL_OVERHANG = 72        # how far a label may reach past the ends of its arrow (its row is its own)

MSG_LABEL_PAD = 10         # horizontal room on each side of a message label on its arrow
MSG_LABEL_GAP = 3          # gap between a label's last line and its arrow
ARROW_LEN = 9              # arrowhead length
ARROW_HALF = 4.5           # arrowhead half width
SELF_W = 34                # width of a self-message loop
SELF_H = 16                # height of a self-message loop
SELF_LABEL_DX = 6          # self-message label offset right of its lifeline
CREATE_GAP = 4             # gap between a creation arrow's tip and the created head

BADGE_H = 15               # height of an autonumber badge
BADGE_PAD = 5              # horizontal padding inside an autonumber badge
BADGE_GAP = 5              # gap between an autonumber badge and the label text

ACT_W = 10                 # activation bar width
ACT_NEST_DX = 5            # horizontal offset of each nested activation bar
ACT_MIN_H = 10             # shortest activation bar
ACT_TAIL = 6               # activation bar extension below an activate/deactivate row

NOTE_PAD_X = 9             # note horizontal padding
NOTE_PAD_Y = 6             # note vertical padding
NOTE_FOLD = 9              # size of the note's folded corner
NOTE_GAP = 8               # gap between a side note and its lifeline
NOTE_OVERHANG = 14         # how far a note over several participants reaches past them
STATE_RADIUS = 9           # corner radius of a state box
REF_TAB_W = 34             # width of the "ref" tab
REF_TAB_H = 17             # height of the "ref" tab

GROUP_PAD_X = 12           # frame padding around its content, per nesting level
GROUP_TAB_H = 19           # height of a frame's tab
GROUP_TAB_PAD = 7          # horizontal padding inside a frame's tab
GROUP_TAB_CUT = 7          # the tab's cut corner
GROUP_TOP_GAP = 8          # gap below a frame's tab before the first row
GROUP_BOTTOM_GAP = 14      # gap below the last row inside a frame
GROUP_LABEL_GAP = 8        # gap between the tab and the condition label
ELSE_GAP = 8               # gap below an else separator's label
EMPTY_GROUP_W = 120        # width of a frame with no content

DIVIDER_H = 22             # height of a divider's label box
DIVIDER_PAD_X = 10         # horizontal padding in a divider's label box
DIVIDER_OVERHANG = 16      # divider lines reach this far past the outer heads
DELAY_H = 26               # height of a delay row without text
RBOX_RADIUS = 8            # corner radius of an 'rbox' (rounded box note)
ABOX_CUT = 6               # size of the cut corners of an 'abox' (angled box note)
DESTROY_GAP = 6            # room between a created head and a cross right under it
SPACE_H = 20               # room left by a bare 'space' (``space N`` gives N pixels)
DESTROY_R = 7              # half size of the destroy cross

CORNER_LINK = 2            # padding of the transparent hit area of linked messages

# Messages from and to the diagram's edge ('[->A', 'A->]'): the margin is reserved only
# on the side(s) such messages use.
EDGE_GAP = 20              # room between the outermost content and the end of an edge arrow
EDGE_MIN_LEN = 44          # shortest edge arrow (from its participant's lifeline or bar)

# Parallel rows ('parallel {' ... '}'): every arrow of a row on one y; a label that would
# overlap an earlier label of the row is stacked above it (the row grows), never moved sideways.
PARALLEL_LABEL_SEP = 8     # least horizontal room between two labels side by side in a row
PARALLEL_LABEL_GAP = 2     # vertical gap between a stacked label and the one under it
