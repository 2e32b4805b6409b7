grammar Tdl;
file : EOF ;
WS : [ \t\r\n]+ -> skip ;
