// The textual IR of tdlc: a custom top level (module, tdl.model) around ops in MLIR's generic form.
// IrPrinter writes it and IrParser reads it back. No actions: the parser's visitor builds the module
// and reports the semantic errors, so this file reads as the whole syntax.
grammar Tir;

irFile
  : module EOF                                           # moduleFile
  | model* EOF                                           # bareModelsFile
  ;

module : 'module' ('attributes' dictionary)? '{' model* '}' ;

model : 'tdl.model' SYMBOL_ID '{' operation* '}' location? ;

operation : (resultIds '=')? STRING '(' valueUses? ')' dictionary? ':' functionType location? ;

resultIds : VALUE_ID (',' VALUE_ID)* ;

valueUses : VALUE_ID (',' VALUE_ID)* ;

functionType : '(' typeList? ')' '->' resultTypes ;

resultTypes
  : '(' typeList? ')'                                    # parenResultTypes
  | tensorType                                           # bareResultType
  ;

typeList : tensorType (',' tensorType)* ;

// tensor<4x256xi8>, tensor<64x64x3x3xi8, csr>; a rank-0 tensor is tensor<i8>.
tensorType : 'tensor' '<' shapeAndElement (',' bareId)? '>' ;

shapeAndElement
  : DIMS_ELEMENT                                         # rankedShape
  | bareId                                               # scalarShape
  ;

location : 'loc' '(' locationBody ')' ;

locationBody
  : STRING ':' INT ':' INT                               # fileLineColLocation
  | 'unknown'                                            # unknownLocation
  | 'fused' '[' (locationBody (',' locationBody)*)? ']'  # fusedLocation
  ;

dictionary : '{' (dictEntry (',' dictEntry)*)? '}' ;

dictEntry : dictKey '=' attribute ;

dictKey
  : bareId                                               # bareKey
  | STRING                                               # quotedKey
  ;

attribute
  : MINUS? INT                                           # intAttribute
  | MINUS? FLOAT                                         # floatAttribute
  | MINUS? ('NaN' | 'Infinity')                          # specialFloatAttribute
  | STRING                                               # stringAttribute
  | ('true' | 'false')                                   # boolAttribute
  | '[' (attribute (',' attribute)*)? ']'                # arrayAttribute
  | dictionary                                           # dictAttribute
  | affineMap                                            # affineMapAttribute
  ;

// affine_map<(n, k, p) -> (n, 2*p + r - 1, 3)>: linear expressions over the named dimensions.
affineMap : 'affine_map' '<' '(' (bareId (',' bareId)*)? ')' '->' '(' (affineExpr (',' affineExpr)*)? ')' '>' ;

affineExpr : MINUS? affineTerm affineAddend* ;

affineAddend : ('+' | MINUS) affineTerm ;

affineTerm
  : INT '*' bareId                                       # scaledDimTerm
  | bareId '*' INT                                       # dimScaledTerm
  | bareId                                               # dimTerm
  | INT                                                  # constantTerm
  ;

// Keywords are still fine as dictionary keys, dimension names and storage formats.
bareId
  : BARE_ID                                              # plainId
  | ( 'module' | 'attributes' | 'tdl.model' | 'tensor' | 'loc' | 'unknown' | 'fused'
    | 'affine_map' | 'true' | 'false' | 'NaN' | 'Infinity' )  # keywordId
  ;

MINUS : '-' ;
ARROW : '->' ;

// A shape and its element type lex as one token, 4x256xi8, as in MLIR.
DIMS_ELEMENT : ([0-9]+ 'x')+ [A-Za-z_] [A-Za-z0-9_]* ;
FLOAT : [0-9]+ '.' [0-9]+ ([eE] [+-]? [0-9]+)? ;
INT : [0-9]+ ;
STRING : '"' (ESCAPE | ~["\\\r\n])* '"' ;
VALUE_ID : '%' ([0-9]+ | ID_START ID_CHAR*) ;
SYMBOL_ID : '@' (ID_START ID_CHAR* | STRING) ;
BARE_ID : ID_START ID_CHAR* ;

LINE_COMMENT : '//' ~[\r\n]* -> skip ;
WS : [ \t\r\n]+ -> skip ;

fragment ESCAPE : '\\' (["\\nrt] | 'u' HEX HEX HEX HEX) ;
fragment HEX : [0-9a-fA-F] ;
fragment ID_START : [A-Za-z_] ;
fragment ID_CHAR : [A-Za-z0-9_.$] ;
